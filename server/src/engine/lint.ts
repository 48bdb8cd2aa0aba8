import { DEFAULT_CONFIG, ResolvedConfig, withProfile } from '../config/config';
import { ConfigProblem } from '../config/load';
import { adapterForKind, detectFormat } from '../formats';
import { Column, ParsedFile } from '../model/dataset';
import { ProjectFiles } from '../model/project';
import { FormatAdapter } from '../formats/adapter';
import { finish, mapSteps } from '../formats/steps';
import { LineIndex, Range, Span } from '../model/text';
import { RULES } from '../rules';
import { CheckSteps, COLUMN_STEP, FindingInput, Fix, Pauses, Rule, RuleContext, Severity } from '../rules/rule';
import { columnProblem } from '../rules/undocumented-column';
import { noMemo, ProseCache } from './cache';
import { Directives } from './directives';
import { editedColumnOnly, readsUnchanged, Reports, Reuse, reusableReports } from './reuse';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  data: Record<string, unknown>;
  fixes: Fix[];
}

export interface LintResult {
  /** The file kind, or undefined when plainmeta does not read this file. */
  kind: string | undefined;
  findings: Finding[];
  /** Present for files that list columns. */
  columns?: { total: number; documented: number };
  file?: ParsedFile;
  /**
   * After a re-lint that reused findings (see DocumentLinter): each finding moved from the lint
   * before, with the one it was. They differ only in where they are, and all their positions lie
   * on lines after the edit, so only line numbers changed. Findings before the edit are the very
   * same objects as before.
   */
  moved?: ReadonlyMap<Finding, Finding>;
}

export interface LintOptions {
  /** Used to detect the format; not read from disk. */
  path: string;
  config?: ResolvedConfig;
  /** Problems found loading the config, reported on this file so they are seen. */
  configProblems?: readonly ConfigProblem[];
  /** Force a kind instead of detecting it from the path. */
  kind?: string;
  /** Reads data file headers and dbt doc blocks; without it those checks are skipped. */
  project?: ProjectFiles;
  /** Results per prose text kept from earlier lints of the same document (see DocumentLinter). */
  cache?: ProseCache;
  /** The text already read by the format (incrementally, see DocumentLinter); it must be of this text and kind. */
  parsed?: ParsedFile;
  /** What the lint before this one left that this one may reuse (see DocumentLinter). */
  reuse?: Reuse;
  /** Where to keep this lint's reports for the next one to reuse. */
  record?: Map<string, Reports>;
}

export { ENGINE_FINDINGS } from './findings';

/**
 * Findings of one prose rule in one file past which the rest are only counted, and reported as
 * one "… and N more" finding: a 4 MB description would otherwise give hundreds of thousands, each
 * with its fixes, and take gigabytes to hold and seconds to send. Rules about the file's structure
 * (one finding per dataset or column at most) are never capped: CI counts them.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

export function lintText(text: string, options: LintOptions): LintResult {
  return finish(lintInSteps(text, options));
}

/** Runs a lint's steps one after another without pausing. */
export { finish };

/** What a lint just did, so a caller that runs it step by step can report progress. */
export interface LintStep {
  done: string;
  /**
   * Work done so far, out of `total`, counted in rules: each rule is one, the read READ_STEPS,
   * a read in steps counts the part of the text it has read, and a rule in steps the part of its
   * walk it has done; counting the documented columns after the rules pauses at the full count.
   */
  count: number;
  total: number;
}

/**
 * What reading the file counts for in a lint's progress, in rules: reading a large dictionary
 * takes about a fifth of its lint (measured: 420 of 1,950 ms for the 10 MB one, with 11 rules),
 * so the progress moves about as fast through the read as through the rules.
 */
export const READ_STEPS = 3;

/**
 * A lint as a series of steps (reading the file, then each rule), pausing after each, so a
 * language server can yield to other requests between steps and drop a lint that a newer version
 * of the document made useless.
 */
export function* lintInSteps(text: string, options: LintOptions): Generator<LintStep, LintResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const adapter = options.kind ? adapterForKind(options.kind) : detectFormat(options.path, text, config);
  if (!adapter) return { kind: undefined, findings: [] };
  const total = RULES.length + READ_STEPS;
  const file = options.parsed && options.parsed.text === text && options.parsed.kind === adapter.kind ? options.parsed : yield* readInSteps(adapter, text, total);
  yield { done: 'read the file', count: READ_STEPS, total };
  const reuse = file === options.parsed ? options.reuse : undefined;
  // Findings moved unchanged but for their place from the lint before (see `LintResult.moved`).
  const moved = reuse ? new Map<Finding, Finding>() : undefined;
  const history = { reuse, record: options.record, moved };
  const linted = yield* checkInSteps(file, withProfile(config, adapter.defaultProfile), options.configProblems ?? [], options.project, options.cache, RULES, history);
  return { kind: adapter.kind, ...linted, file, ...(moved ? { moved } : {}) };
}

/**
 * An adapter that throws on some input is a bug, but the file still deserves an answer: one
 * parse-error finding saying what went wrong, instead of an exception that ends the lint.
 */
export function parseSafely(adapter: FormatAdapter, text: string): ParsedFile {
  return finish(readInSteps(adapter, text, READ_STEPS));
}

/**
 * parseSafely as steps of a lint whose progress counts `total`: one step, or one for each part
 * the adapter reads when it reads in steps (see FormatAdapter.parseInSteps), saying how much of
 * the text is read, so that a language server can answer requests while it reads a large file.
 */
function* readInSteps(adapter: FormatAdapter, text: string, total: number): Generator<LintStep, ParsedFile> {
  try {
    if (!adapter.parseInSteps) return adapter.parse(text);
    return yield* mapSteps(adapter.parseInSteps(text), (read) => ({ done: `read ${thousands(Math.round(read / 1000))} of ${thousands(Math.round(text.length / 1000))} KB`, count: (READ_STEPS * read) / text.length, total }));
  } catch (error) {
    const span = { start: 0, end: 0 };
    const message = `plainmeta could not read this ${adapter.label} file: ${(error as Error).message}`;
    return { kind: adapter.kind, text, lines: new LineIndex(text), datasets: [], comments: [], problems: [{ message, span, severity: 'error' }] };
  }
}

/** Lints a parsed file with the given rules (every rule unless a caller, such as a test, chooses). */
export function lintParsed(
  file: ParsedFile,
  config: ResolvedConfig,
  configProblems: readonly ConfigProblem[] = [],
  project?: ProjectFiles,
  cache?: ProseCache,
  rules: readonly Rule[] = RULES,
): { findings: Finding[]; columns?: LintResult['columns'] } {
  return finish(checkInSteps(file, config, configProblems, project, cache, rules));
}

function* checkInSteps(
  file: ParsedFile,
  config: ResolvedConfig,
  configProblems: readonly ConfigProblem[],
  project: ProjectFiles | undefined,
  cache: ProseCache | undefined,
  rules: readonly Rule[] = RULES,
  history: { reuse?: Reuse; record?: Map<string, Reports>; moved?: Map<Finding, Finding> } = {},
): Generator<LintStep, { findings: Finding[]; columns?: LintResult['columns'] }> {
  const findings: Finding[] = [];
  const add = (rule: string, severity: Severity, message: string, span: Span, data: Record<string, unknown> = {}, fixes: Fix[] = []) => {
    findings.push({ rule, severity, message, span, range: file.lines.rangeOf(span), data, fixes });
  };
  for (const problem of configProblems) {
    add('config-error', 'error', `${problem.path}:${problem.line}:${problem.column}: ${problem.message}`, { start: 0, end: 0 }, { ...problem });
  }
  for (const problem of file.problems) add('parse-error', problem.severity, problem.message, problem.span);

  const directives = new Directives(file.comments, file.lines);
  for (const problem of directives.problems) add('directive-error', 'error', problem.message, problem.span, problem.data, problem.fixes);
  const { reuse, record } = history;
  // One view of the edited column for every rule that runs on it alone, so that what the rules
  // cache per file (prose fields, the word lists' shared pass) is found again by the next rule.
  let columnOnly: ParsedFile | undefined;
  const editedColumn = () => (columnOnly ??= editedColumnOnly(file, reuse!));
  const progressTotal = rules.length + READ_STEPS;
  for (const [index, rule] of rules.entries()) {
    if (index > 0) yield { done: `rule ${rules[index - 1].meta.id}`, count: READ_STEPS + index, total: progressTotal };
    const id = rule.meta.id;
    const setting = config.rules[id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const limit = rule.meta.tags.includes('prose') ? MAX_FINDINGS_PER_RULE : Infinity;
    const perField = rule.meta.scope === 'field';
    const context = (seen: ParsedFile, run: RuleRun): RuleContext => ({
      file: seen,
      config,
      options: setting?.options ?? {},
      project,
      memo: cache ? cache.memoFor(id, config) : noMemo,
      full: () => run.full,
      report: (f) => run.report(f),
    });
    const start = () => new RuleRun(id, (messageId, data) => formatMessage(rule, messageId, data), severity, file, directives, limit, !!record, history.moved);
    let run = start();
    // Reusing is only ever a shortcut: when it cannot give what a whole run gives, or fails, the rule runs on the whole file.
    const reused = () => {
      const earlier = reuse && record ? reuse.reports.get(id) : undefined;
      if (!earlier) return false;
      try {
        if (rule.resumable) {
          // What the whole file carried before the edit, and now: the column's own run works it out.
          const carried = earlier.carried;
          const split = carried !== undefined && reusableReports(earlier, reuse!);
          const edit = { start: reuse!.region.start, end: reuse!.region.end, delta: reuse!.change.newEnd - reuse!.change.oldEnd };
          let now: unknown;
          const runOnColumn = () => (now = rule.resumable!.resume(context(editedColumn(), run), carried, edit)) !== undefined;
          if (!split || !run.reuse(earlier, split, runOnColumn, reuse!)) return false;
          run.recorded.carried = now;
          return true;
        }
        if (!perField) return readsUnchanged(rule.meta.reads, reuse!.oldColumn, file.datasets[0].columns![reuse!.column]) && run.reuseAll(earlier, reuse!);
        const split = reusableReports(earlier, reuse!);
        return !!split && run.reuse(earlier, split, () => (finishCheck(rule.check(context(editedColumn(), run))), true), reuse!);
      } catch {
        return false;
      }
    };
    let failed = false;
    try {
      if (!reused()) {
        run = start();
        // A rule that reads the whole file still finds mostly what it found before: those findings are kept.
        if (reuse && record) run.matchAgainst(reuse.reports.get(id), reuse);
        const count = READ_STEPS + index;
        if (rule.resumable) run.recorded.carried = yield* ruleInSteps(rule.resumable.check(context(file, run)), id, count, progressTotal);
        else yield* ruleInSteps(rule.check(context(file, run)), id, count, progressTotal);
      }
    } catch (error) {
      failed = true;
      add('rule-error', 'error', `rule ${id} could not run: ${(error as Error).message}`, { start: 0, end: 0 }, { failedRule: id });
    }
    // One at a time: a rule without a cap can have more findings than a call takes arguments.
    for (const finding of run.finish()) findings.push(finding);
    if (record && !failed) record.set(id, run.recorded);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));

  const withColumns = file.datasets.filter((d) => d.columns !== undefined);
  if (withColumns.length === 0) return { findings };
  if (reuse?.columns) {
    // Only the edited column can have changed between documented and not.
    const documented = (column: Column) => (columnProblem(column, project) ? 0 : 1);
    const { total, documented: before } = reuse.columns;
    return { findings, columns: { total, documented: before - documented(reuse.oldColumn) + documented(file.datasets[0].columns![reuse.column]) } };
  }
  const all = withColumns.flatMap((d) => d.columns ?? []);
  // As long as a rule's walk over the columns: it pauses as they do, with the rules all done.
  const pauses = new Pauses(all.length, COLUMN_STEP);
  let documented = 0;
  for (let c = 0; c < all.length; c++) {
    if (!columnProblem(all[c], project)) documented++;
    if (pauses.after(c, 1) !== undefined) yield { done: `counted ${thousands(c + 1)} of ${thousands(all.length)} columns`, count: progressTotal, total: progressTotal };
  }
  return { findings, columns: { total: all.length, documented } };
}

/**
 * A rule's check as steps of a lint whose progress counts `total`, the rule's own counting one
 * from `count`: a check in steps pauses where it says (see CheckSteps), saying how much of its
 * walk is done, and the progress moves through its one count as far.
 */
function* ruleInSteps<T>(steps: void | CheckSteps<T>, id: string, count: number, total: number): Generator<LintStep, T | undefined> {
  if (!steps) return undefined;
  return yield* mapSteps(steps, (share) => ({ done: `rule ${id}: ${Math.round(100 * share)}%`, count: count + share, total }));
}

/** Runs a rule's check to its end without pausing, whether it reports at once or in steps. */
export function finishCheck(steps: void | CheckSteps<unknown>): void {
  if (steps) finish(steps);
}

/**
 * One rule's reports in one lint: made into findings up to the cap, only counted past it, dropped
 * where a directive silences the rule, and kept (when asked) for the next lint to reuse.
 */
class RuleRun {
  private readonly shownFindings: Finding[] = [];
  recorded = new Reports();
  private shown = 0;
  private hidden = 0;
  private firstHidden: Span | undefined;

  constructor(
    private readonly rule: string,
    private readonly message: (messageId: string, data: Record<string, unknown>) => string,
    private readonly severity: Severity,
    private readonly file: ParsedFile,
    private readonly directives: Directives,
    private readonly limit: number,
    private readonly keep: boolean,
    /** Where to note each finding moved from an earlier lint, with the one it moved from. */
    private readonly moved?: Map<Finding, Finding>,
  ) {}

  get full(): boolean {
    return this.shown >= this.limit;
  }

  /** A report from the rule as it runs; it built the fixes unless it was full. */
  report(input: FindingInput): void {
    if (this.full) {
      // Past the cap a report is only counted (most of them, in a large file): take it without making anything for it.
      if (!this.directives.silences(this.rule, input.span.start)) this.hide(input.span);
      if (this.keep) this.recorded.add(input, false, undefined);
      return;
    }
    const finding = this.take(input.span.start, () => input.span, true, () => this.sameAsEarlier(input) ?? this.newFinding(input));
    if (this.keep) this.recorded.add(input, true, finding || undefined);
  }

  private earlier: { reports: Reports; reuse: Reuse; next: number } | undefined;

  /** Compares each report of this run with the earlier lint's, in order, to keep the earlier finding when they are the same. */
  matchAgainst(reports: Reports | undefined, reuse: Reuse): void {
    this.earlier = reports && { reports, reuse, next: 0 };
  }

  /**
   * The earlier lint's finding for a report the same as this one but for the edit's move (same
   * place, message, data and fixes), moved with it; undefined when there is none. The rule reports
   * in file order, mostly, so the earlier reports are walked once.
   */
  private sameAsEarlier(input: FindingInput): Finding | undefined {
    if (!this.earlier) return undefined;
    const { reports, reuse } = this.earlier;
    const { change } = reuse;
    const delta = change.newEnd - change.oldEnd;
    const before = input.span.end < change.start;
    const after = input.span.start >= change.newEnd;
    if (!before && !after) return undefined;
    const start = before ? input.span.start : input.span.start - delta;
    let k = this.earlier.next;
    while (k < reports.length && reports.start(k) < start) k++;
    this.earlier.next = k;
    if (k === reports.length || reports.start(k) !== start || !reports.isComplete(k)) return undefined;
    const finding = reports.findingOf(k);
    // Before the edit a report must lie wholly before it; after it, wholly after it.
    if (!finding || (before ? reports.reaches(k, change.start) : !reports.liesFrom(k, change.oldEnd))) return undefined;
    const moved = reports.input(k, before ? 0 : delta);
    if (moved.messageId !== input.messageId || moved.span.end !== input.span.end || !same(moved.data, input.data) || !same(moved.fixes ?? [], input.fixes ?? [])) return undefined;
    if (before) return finding;
    const now = movedFinding(finding, input, this.file.lines);
    if (reports.liesFrom(k, reuse.region.end)) this.moved?.set(now, finding);
    return now;
  }

  /**
   * Takes an earlier lint's reports before the edited column, runs the rule on that column, then
   * takes the reports after it, moved by the edit, as if the rule had read the whole file. False
   * when that cannot give the same findings: the run on the column says so, a report now shown was
   * made while the rule was full, without its fixes, or the rule reported outside the column.
   */
  reuse(earlier: Reports, split: { inside: number; after: number }, runOnColumn: () => boolean, reuse: Reuse): boolean {
    if (!this.keep) return false;
    if (!this.takeEarlierPrefix(earlier, split.inside)) return false;
    const from = this.recorded.length;
    if (!runOnColumn()) return false;
    const delta = reuse.change.newEnd - reuse.change.oldEnd;
    for (let k = from; k < this.recorded.length; k++) {
      const start = this.recorded.start(k);
      if (start < reuse.region.start || start >= reuse.region.end + delta) return false;
    }
    return this.takeEarlierRange(earlier, split.after, earlier.length, delta);
  }

  /**
   * The earlier reports before the edited entry. In a file without directives they stand exactly
   * as in the lint before (nothing before them changed, and no directive can silence them): those
   * shown then are shown now, the rest are counted, and all are kept at once.
   */
  private takeEarlierPrefix(earlier: Reports, count: number): boolean {
    if (!this.directives.none || this.recorded.length > 0) return this.takeEarlierRange(earlier, 0, count, undefined);
    // Past the last shown report, every one was counted.
    const shownUntil = Math.min(count, earlier.shownUntil);
    for (let k = 0; k < shownUntil; k++) {
      const finding = earlier.findingOf(k);
      if (finding) {
        this.shown++;
        this.shownFindings.push(finding);
      } else {
        this.hidden++;
        this.firstHidden ??= earlier.span(k);
      }
    }
    if (shownUntil < count) {
      this.hidden += count - shownUntil;
      this.firstHidden ??= earlier.span(shownUntil);
    }
    // Room for the rest too: the column's reports and those after it, about as many as before.
    this.recorded = earlier.prefix(count, earlier.length + 64);
    return true;
  }

  /**
   * Earlier reports `from` to `to` (excluded), as takeEarlier takes them; once the rule is full in
   * a file without directives, the rest are only counted, all at once: a rule far past the cap
   * has tens of thousands.
   */
  private takeEarlierRange(earlier: Reports, from: number, to: number, moveBy: number | undefined): boolean {
    for (let k = from; k < to; k++) {
      if (this.full && this.directives.none) {
        this.firstHidden ??= earlier.span(k, moveBy ?? 0);
        this.hidden += to - k;
        this.recorded.addHidden(earlier, k, to, moveBy ?? 0);
        return true;
      }
      if (!this.takeEarlier(earlier, k, moveBy, moveBy !== undefined)) return false;
    }
    return true;
  }

  /**
   * Takes all of an earlier lint's reports, those after the edit moved by it: for a rule whose
   * input the edit left alone. False when one reaches into the edited part, or lies on both sides.
   */
  reuseAll(earlier: Reports, reuse: Reuse): boolean {
    if (!this.keep) return false;
    const { change, region } = reuse;
    const delta = change.newEnd - change.oldEnd;
    for (let k = 0; k < earlier.length; k++) {
      const before = !earlier.reaches(k, change.start);
      if (!before && !earlier.liesFrom(k, change.oldEnd)) return false;
      if (!this.takeEarlier(earlier, k, before ? undefined : delta, earlier.liesFrom(k, region.end))) return false;
    }
    return true;
  }

  /**
   * An earlier report: before the edit (`delta` undefined), or after it and moved by `delta`. Its
   * finding, when shown, is the earlier one, moved, or made again. `linesOnly`: every position of
   * it lies on a line after the edit.
   */
  private takeEarlier(earlier: Reports, k: number, moveBy: number | undefined, linesOnly = false): boolean {
    const before = earlier.findingOf(k);
    const delta = moveBy ?? 0;
    const finding = this.take(earlier.start(k) + delta, () => earlier.span(k, delta), earlier.isComplete(k), () => {
      // Before the edit nothing moved, not even to another line.
      if (before && moveBy === undefined) return before;
      const input = earlier.input(k, delta);
      if (!before) return this.newFinding(input);
      const now = movedFinding(before, input, this.file.lines);
      if (linesOnly) this.moved?.set(now, before);
      return now;
    });
    if (finding === false) return false;
    this.recorded.addFrom(earlier, k, delta, finding);
    return true;
  }

  /**
   * Counts a report and gives its finding when it is shown; false when it would be shown but was
   * made while the rule was full, without its fixes.
   */
  private take(start: number, span: () => Span, complete: boolean, finding: () => Finding): Finding | undefined | false {
    if (this.directives.silences(this.rule, start)) return undefined;
    if (this.shown < this.limit) {
      if (!complete) return false;
      this.shown++;
      const made = finding();
      this.shownFindings.push(made);
      return made;
    }
    this.hide(span());
    return undefined;
  }

  /** Counts a report that is not shown. */
  private hide(span: Span): void {
    this.hidden++;
    this.firstHidden ??= span;
  }

  private newFinding(input: FindingInput): Finding {
    const { span, messageId, data, fixes } = input;
    return { rule: this.rule, severity: this.severity, message: this.message(messageId, data), span, range: this.file.lines.rangeOf(span), data, fixes: fixes ?? [] };
  }

  /** The findings shown, with one more that counts the rest when there were too many. */
  finish(): Finding[] {
    if (this.firstHidden) {
      const span = this.firstHidden;
      this.shownFindings.push({ rule: this.rule, severity: this.severity, message: `… and ${thousands(this.hidden)} more ${this.rule} findings not shown.`, span, range: this.file.lines.rangeOf(span), data: { hidden: this.hidden }, fixes: [] });
    }
    return this.shownFindings;
  }
}

/**
 * A finding as it stands after an edit moved it, `input` being its report moved: written out
 * rather than spread, since thousands move when the edit is early in a large file.
 */
function movedFinding(finding: Finding, input: FindingInput, lines: LineIndex): Finding {
  const { rule, severity, message, data } = finding;
  return { rule, severity, message, span: input.span, range: lines.rangeOf(input.span), data, fixes: input.fixes ?? [] };
}

/** Whether two values of reports (data, fixes: plain objects, arrays and primitives) are the same. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], other[i])) return false;
    return true;
  }
  // Counted rather than listed: thousands of reports are compared after each keystroke.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.prototype.hasOwnProperty.call(x, key)) continue;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !same(x[key], y[key])) return false;
    count++;
  }
  for (const key in y) if (Object.prototype.hasOwnProperty.call(y, key)) count--;
  return count === 0;
}

/** A count with commas between thousands, as `toLocaleString('en-US')` writes it, without its cost on every lint. */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Message templates split at their placeholders, once each: text at even indexes, placeholder names at odd ones. */
const templateParts = new Map<string, string[]>();

function formatMessage(rule: Rule, messageId: string, data: Record<string, unknown>): string {
  const template = rule.meta.messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} reported an unknown message id "${messageId}"`);
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)));
  let message = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = data[parts[i]];
    // Lists read as alternatives: "use" or "employ".
    message += (Array.isArray(value) ? value.map((v) => `"${v}"`).join(' or ') : String(value ?? '')) + parts[i + 1];
  }
  return message;
}
