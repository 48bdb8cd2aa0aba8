import { detached } from '../model/prose';

/**
 * Remembers a pure function of one string, for work rules repeat on every column of every lint
 * (the same names and descriptions come back after each keystroke). Holds at most `max` results;
 * when full it starts afresh, which costs one recomputation each and never a wrong answer. The
 * bound is well above the distinct names of the largest files we measure (about 64,000 in a 10 MB
 * dictionary): a file with more would make the memo start afresh again and again within one lint,
 * which made the 10 MB dictionary lint take twice as long as ten times the 1 MB one.
 * Keys are stored as copies (see `detached`), so a memo that outlives a document never keeps
 * that document's text alive.
 */
export function memoizeString<T>(fn: (s: string) => T, max = 200_000): ((s: string) => T) & { readonly size: number } {
  let results = new Map<string, T>();
  const memo = (s: string): T => {
    let value = results.get(s);
    if (value === undefined && !results.has(s)) {
      value = fn(s);
      if (results.size >= max) results = new Map();
      results.set(detached(s), value);
    }
    return value as T;
  };
  return Object.defineProperty(memo, 'size', { get: () => results.size }) as typeof memo & { readonly size: number };
}

