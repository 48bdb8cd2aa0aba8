declare module 'write-good' {
  namespace writeGood {
    interface Suggestion {
      index: number;
      offset: number;
      reason: string;
    }
  }
  function writeGood(text: string, options?: Record<string, unknown>): writeGood.Suggestion[];
  export = writeGood;
}
