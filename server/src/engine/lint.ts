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
}

/** Findings that come from the engine rather than a rule, with their own ids and docs. */
export const ENGINE_FINDINGS = {
  'parse-error': 'The file could not be read as its format: invalid syntax, encoding or shape.',
  'config-error': 'The project configuration (.plainmeta.yaml) is invalid; defaults were used instead.',
  'rule-error': 'A rule failed on this file; the other rules still ran.',
} as const;

export function lintText(text: string, options: LintOptions): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const adapter = options.kind ? adapterForKind(options.kind) : detectFormat(options.path, text, config);
  if (!adapter) return { kind: undefined, findings: [] };
  const file = parseSafely(adapter, text);
  return {
    kind: adapter.kind,
    ...lintParsed(file, withProfile(config, adapter.defaultProfile), options.configProblems ?? [], options.project, options.cache),
    file,
  };
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
  const findings: Finding[] = [];
  const add = (rule: string, severity: Severity, message: string, span: Span, data: Record<string, unknown> = {}, fixes: Fix[] = []) => {
    findings.push({ rule, severity, message, span, range: file.lines.rangeOf(span), data, fixes });
  };
  for (const problem of configProblems) {
    add('config-error', 'error', `${problem.path}:${problem.line}:${problem.column}: ${problem.message}`, { start: 0, end: 0 }, { ...problem });
  }
  for (const problem of file.problems) add('parse-error', problem.severity, problem.message, problem.span);

  const directives = new Directives(file.comments, file.lines);
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    try {
      rule.check({
        file,
        config,
        options: setting?.options ?? {},
        project,
        memo: cache ? cache.memoFor(rule.meta.id, config) : noMemo,
        report: (f) => {
          if (directives.isDisabled(rule.meta.id, file.lines.positionAt(f.span.start).line)) return;
          add(rule.meta.id, severity, formatMessage(rule, f.messageId, f.data), f.span, f.data, f.fixes ?? []);
        },
      });
    } catch (error) {
      add('rule-error', 'error', `rule ${rule.meta.id} could not run: ${(error as Error).message}`, { start: 0, end: 0 }, { failedRule: rule.meta.id });
    }
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
