/**
 * Remembers a pure function of one string, for work rules repeat on every column of every lint
 * (the same names and descriptions come back after each keystroke). Holds at most `max` results;
 * when full it starts afresh, which costs one recomputation each and never a wrong answer.
 */
export function memoizeString<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
  let results = new Map<string, T>();
  return (s) => {
    let value = results.get(s);
    if (value === undefined && !results.has(s)) {
      value = fn(s);
      if (results.size >= max) results = new Map();
      results.set(s, value);
    }
    return value as T;
  };
}
