/**
 * How many characters a read in steps (FormatAdapter.parseInSteps) reads at least between two
 * pauses: a few milliseconds of reading a dictionary, so that a language server reading a 10 MB
 * one answers other requests a hundred times meanwhile, and pausing costs nothing measurable.
 */
export const READ_STEP_CHARS = 100_000;

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

/** The steps of `steps`, each as `as` makes it, then their result: one kind of step told as another. */
export function* mapSteps<S, R, T>(steps: Iterator<S, T, undefined>, as: (step: S) => R): Generator<R, T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield as(next.value);
  }
}
