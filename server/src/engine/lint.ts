import { DEFAULT_CONFIG, ResolvedConfig, withProfile } from '../config/config';
import { ConfigProblem } from '../config/load';
import { adapterForKind, detectFormat } from '../formats';
import { ParsedFile } from '../model/dataset';
import { ProjectFiles } from '../model/project';
import { FormatAdapter } from '../formats/adapter';
import { LineIndex, Range, Span } from '../model/text';
import { RULES } from '../rules';
import { Fix, Rule, Severity } from '../rules/rule';
import { columnProblem } from '../rules/undocumented-column';
import { noMemo, ProseCache } from './cache';
import { Directives } from './directives';

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
}

/** Findings that come from the engine rather than a rule, with their own ids and docs. */
export const ENGINE_FINDINGS = {
  'parse-error': 'The file could not be read as its format: invalid syntax, encoding or shape.',
  'config-error': 'The project configuration (.plainmeta.yaml) is invalid; defaults were used instead.',
  'rule-error': 'A rule failed on this file; the other rules still ran.',
} as const;

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
export function finish<T>(steps: Generator<LintStep, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** What a lint just did, so a caller that runs it step by step can report progress. */
export interface LintStep {
  done: string;
  /** Steps done so far, out of `total`. */
  count: number;
  total: number;
}

/**
 * A lint as a series of steps (reading the file, then each rule), pausing after each, so a
 * language server can yield to other requests between steps and drop a lint that a newer version
 * of the document made useless.
 */
export function* lintInSteps(text: string, options: LintOptions): Generator<LintStep, LintResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const adapter = options.kind ? adapterForKind(options.kind) : detectFormat(options.path, text, config);
  if (!adapter) return { kind: undefined, findings: [] };
  const file = options.parsed && options.parsed.text === text && options.parsed.kind === adapter.kind ? options.parsed : parseSafely(adapter, text);
  yield { done: 'read the file', count: 1, total: RULES.length + 1 };
  const linted = yield* checkInSteps(file, withProfile(config, adapter.defaultProfile), options.configProblems ?? [], options.project, options.cache);
  return { kind: adapter.kind, ...linted, file };
}

/**
 * An adapter that throws on some input is a bug, but the file still deserves an answer: one
 * parse-error finding saying what went wrong, instead of an exception that ends the lint.
 */
export function parseSafely(adapter: FormatAdapter, text: string): ParsedFile {
  try {
    return adapter.parse(text);
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
  for (const [index, rule] of rules.entries()) {
    if (index > 0) yield { done: `rule ${rules[index - 1].meta.id}`, count: index + 1, total: rules.length + 1 };
    const id = rule.meta.id;
    const setting = config.rules[id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const limit = rule.meta.tags.includes('prose') ? MAX_FINDINGS_PER_RULE : Infinity;
    let shown = 0;
    let hidden = 0;
    let firstHidden: Span | undefined;
    try {
      rule.check({
        file,
        config,
        options: setting?.options ?? {},
        project,
        memo: cache ? cache.memoFor(id, config) : noMemo,
        full: () => shown >= limit,
        report: (f) => {
          if (directives.isDisabled(id, file.lines.positionAt(f.span.start).line)) return;
          if (shown < limit) {
            shown++;
            add(id, severity, formatMessage(rule, f.messageId, f.data), f.span, f.data, f.fixes ?? []);
          } else {
            hidden++;
            firstHidden ??= f.span;
          }
        },
      });
    } catch (error) {
      add('rule-error', 'error', `rule ${id} could not run: ${(error as Error).message}`, { start: 0, end: 0 }, { failedRule: id });
    }
    if (firstHidden) add(id, severity, `… and ${hidden.toLocaleString('en-US')} more ${id} findings not shown.`, firstHidden, { hidden });
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));

  const withColumns = file.datasets.filter((d) => d.columns !== undefined);
  if (withColumns.length === 0) return { findings };
  const all = withColumns.flatMap((d) => d.columns ?? []);
  return { findings, columns: { total: all.length, documented: all.filter((c) => !columnProblem(c, project)).length } };
}

function formatMessage(rule: Rule, messageId: string, data: Record<string, unknown>): string {
  const template = rule.meta.messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} reported an unknown message id "${messageId}"`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    // Lists read as alternatives: "use" or "employ".
    return Array.isArray(value) ? value.map((v) => `"${v}"`).join(' or ') : String(value ?? '');
  });
}
