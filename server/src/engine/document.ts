import { ParsedFile, TextChange } from '../model/dataset';
import { commonAffixes } from '../model/text';
import { ProseCache } from './cache';
import { Finding, finish, LintOptions, LintResult, lintInSteps, LintStep } from './lint';
import { Reports, Reuse, reuseAfter } from './reuse';
import { withoutMemos } from '../rules/string-memo';

/**
 * Lints one open document again and again, as an editor does after each change: the file is
 * re-read incrementally when its format can do that safely (see `ParsedFile.update`); after an
 * edit inside one column, rules whose findings are each about one field (scope `field`), and
 * rules that can resume from what the fields before it left (`Rule.resumable`: acronym), run on
 * that column alone and the findings about the rest are moved from the lint before; what the
 * other rules worked out for prose that did not change is reused. One per open document; drop it
 * on close.
 */
export class DocumentLinter {
  private readonly cache: ProseCache;
  private previous: { file: ParsedFile; reports: Map<string, Reports>; columns: LintResult['columns'] } | undefined;
  /** How the last lint read the file, for the benchmark and tests: whole, or only the changed part. */
  lastRead: 'whole' | 'incremental' | undefined;
  /** Whether the last lint ran the `field`-scope rules on the edited column alone, for tests. */
  lastReused = false;

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

  /**
   * As `lint`, one step at a time (see lintInSteps); a lint dropped half way changes nothing.
   * `remember` false lints the text on its own and keeps nothing for the next lint: for a file
   * linted on open and save only, whose next lint follows many edits and would reuse little,
   * while the reports and per-text results kept for reuse hold as much memory again as the file's
   * model (about 70 MB for a 10 MB dictionary), and building them raises the lint's peak as much.
   * The rules' string memos keep nothing of it either (see withoutMemos): another 50 MB.
   */
  *lintInSteps(text: string, options?: Partial<LintOptions>, remember = true): Generator<LintStep, LintResult> {
    if (options) {
      if (options.config && options.config !== this.options.config) this.cache.clear();
      if (Object.entries(options).some(([key, value]) => this.options[key as keyof LintOptions] !== value)) this.previous = undefined;
      this.options = { ...this.options, ...options };
    }
    if (!remember) {
      this.previous = undefined;
      this.cache.clear();
      this.lastRead = 'whole';
      this.lastReused = false;
      // Each step without the rules' string memos; between steps, when other documents' lints may
      // run, they are as before.
      const steps = lintInSteps(text, this.options);
      for (;;) {
        const next = withoutMemos(() => steps.next());
        if (next.done) return next.value;
        yield next.value;
      }
    }
    const previous = this.previous;
    const change = previous && changeBetween(previous.file.text, text);
    const updated = previous && (change ? previous.file.update?.(text, change) : previous.file);
    const reuse: Reuse | undefined = previous && change && updated ? reuseAfter(previous.file, updated, change, previous.reports, previous.columns) : undefined;
    this.lastRead = updated ? 'incremental' : 'whole';
    this.lastReused = !!reuse;
    const record = new Map<string, Reports>();
    const result = yield* lintInSteps(text, { ...this.options, cache: this.cache, parsed: updated, reuse, record });
    this.previous = result.file && { file: result.file, reports: record, columns: result.columns };
    return result;
  }
}

/** The single edit between two texts: the part between their common start and their common end. */
export function changeBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const { prefix, suffix } = commonAffixes(before, after);
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
