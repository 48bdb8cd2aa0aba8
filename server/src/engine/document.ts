import { ProseCache } from './cache';
import { LintOptions, LintResult, lintText } from './lint';

/**
 * Lints one open document again and again, as an editor does after each change, reusing what
 * the rules worked out for prose that did not change. One per open document; drop it on close.
 */
export class DocumentLinter {
  private readonly cache: ProseCache;

  constructor(
    private options: LintOptions,
    maxCachedTexts?: number,
  ) {
    this.cache = new ProseCache(maxCachedTexts);
  }

  /** Lints the document's current text; `options` replaces the path or config for this and later lints. */
  lint(text: string, options?: Partial<LintOptions>): LintResult {
    if (options) {
      if (options.config && options.config !== this.options.config) this.cache.clear();
      this.options = { ...this.options, ...options };
    }
    return lintText(text, { ...this.options, cache: this.cache });
  }
}
