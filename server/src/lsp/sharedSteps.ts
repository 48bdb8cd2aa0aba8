/**
 * Work done in steps (a lint, a whole-file fix) that several requests may want at once: each step
 * is taken once, by whichever request steps through next, and all get the one result. A request
 * that stops part way (cancelled) leaves the steps it took done for the next one.
 */
export class SharedSteps<S, T> {
  private result?: { value: T };
  /** A step that threw ended the work: everyone stepping through it gets the error. */
  private failure?: { error: unknown };

  constructor(private readonly work: Generator<S, T>) {}

  next(): IteratorResult<S, T> {
    if (this.result) return { done: true, value: this.result.value };
    if (this.failure) throw this.failure.error;
    try {
      const next = this.work.next();
      if (next.done) this.result = { value: next.value };
      return next;
    } catch (error) {
      this.failure = { error };
      throw error;
    }
  }

  /** The steps still to take, then the result. */
  *steps(): Generator<S, T> {
    for (;;) {
      const next = this.next();
      if (next.done) return next.value;
      yield next.value;
    }
  }
}
