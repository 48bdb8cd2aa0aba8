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
    if (bypassed > 0) return fn(s);
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


/** How many calls of withoutMemos are running. */
let bypassed = 0;

/**
 * Runs `work` with every string memo computing instead of remembering, for a lint whose results
 * will not be asked for again (a file linted on open and save only): the memos would keep a
 * result for each of its names and descriptions, tens of megabytes for a 10 MB dictionary, for a
 * next lint that is far off. Memos made while it runs hold nothing new; what they hold stays.
 */
export function withoutMemos<T>(work: () => T): T {
  bypassed++;
  try {
    return work();
  } finally {
    bypassed--;
  }
}

/** Whether a caller that keeps results of its own should keep none now (see withoutMemos). */
export function memosBypassed(): boolean {
  return bypassed > 0;
}
