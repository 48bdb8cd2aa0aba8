import { ParsedFile, TextChange } from '../model/dataset';
import { commonAffixes } from '../model/text';
import { ProseCache } from './cache';
import { finish, LintOptions, LintResult, lintInSteps, LintStep } from './lint';

/**
 * Lints one open document again and again, as an editor does after each change: the file is
 * re-read incrementally when its format can do that safely (see `ParsedFile.update`), and what the
 * rules worked out for prose that did not change is reused. One per open document; drop it on close.
 */
export class DocumentLinter {
  private readonly cache: ProseCache;
  private previous: ParsedFile | undefined;
  /** How the last lint read the file, for the benchmark and tests: whole, or only the changed part. */
  lastRead: 'whole' | 'incremental' | undefined;

  constructor(
    private options: LintOptions,
    maxCachedTexts?: number,
  ) {
    this.cache = new ProseCache(maxCachedTexts);
  }

  /** Lints the document's current text; `options` replaces the path or config for this and later lints. */
  lint(text: string, options?: Partial<LintOptions>): LintResult {
    return finish(this.lintInSteps(text, options));
  }

  /** As `lint`, one step at a time (see lintInSteps); a lint dropped half way changes nothing. */
  *lintInSteps(text: string, options?: Partial<LintOptions>): Generator<LintStep, LintResult> {
    if (options) {
      if (options.config && options.config !== this.options.config) this.cache.clear();
      if (Object.entries(options).some(([key, value]) => this.options[key as keyof LintOptions] !== value)) this.previous = undefined;
      this.options = { ...this.options, ...options };
    }
    const updated = this.previous && incrementally(this.previous, text);
    this.lastRead = updated ? 'incremental' : 'whole';
    const result = yield* lintInSteps(text, { ...this.options, cache: this.cache, parsed: updated });
    this.previous = result.file;
    return result;
  }
}

/** The file re-read after the one edit that turns its text into `text`, when its format can. */
function incrementally(previous: ParsedFile, text: string): ParsedFile | undefined {
  if (previous.text === text) return previous;
  if (!previous.update) return undefined;
  const change = changeBetween(previous.text, text);
  return change && previous.update(text, change);
}

/** The single edit between two texts: the part between their common start and their common end. */
export function changeBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const { prefix, suffix } = commonAffixes(before, after);
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
