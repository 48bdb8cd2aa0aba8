/**
 * Runs work written as steps (a generator that pauses between them) one step after another
 * without pausing, for a caller that wants only the result.
 */
export function finish<T>(steps: Iterator<unknown, T, undefined>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
