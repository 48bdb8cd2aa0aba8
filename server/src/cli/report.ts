import * as path from 'path';
import { ResolvedConfig } from '../config/config';
import { ConfigProblem } from '../config/load';
import { configForFile } from '../io/config-files';
import { fixAll } from '../engine/fixes';
import { Finding, lintText } from '../engine/lint';
import { detectFormat } from '../formats';
import { DocBlockCache, fsProjectFiles } from '../io/project-files';
import { LineIndex } from '../model/text';
import { RULE_OPTIONS } from '../rules';
import { readSource, SourceFile, writeFixed } from './files';

/** What the CLI knows about one linted file. */
export interface FileReport {
  path: string;
  kind: string;
  text: string;
  /** The line index the lint built for `text`, for formatters to place fix edits; absent for an unreadable file. */
  lines?: LineIndex;
  findings: Finding[];
  columns?: { total: number; documented: number };
  /** Safe fixes applied with --fix. */
  fixed: number;
  /** Why a fixed file was not written, if it was not. */
  writeProblem?: string;
}

export interface LintFileOptions {
  /** From --config: used for every file instead of the nearest .plainmeta.yaml. */
  config?: ResolvedConfig;
  fix: boolean;
}

/** dbt doc blocks read once per project for a whole run. */
const docBlocks: DocBlockCache = new Map();

/** Lints one file from disk; undefined when plainmeta does not read files of this kind. */
export function lintFile(filePath: string, options: LintFileOptions): FileReport | undefined {
  const loaded = options.config ? { config: options.config, problems: [] as ConfigProblem[] } : configForFile(filePath, RULE_OPTIONS);
  const config = loaded.config;
  let source: SourceFile;
  try {
    source = readSource(filePath);
  } catch (error) {
    const adapter = detectFormat(filePath, undefined, config);
    if (!adapter) return undefined;
    return unreadableReport(filePath, adapter.kind, `cannot read the file: ${(error as Error).message}`);
  }
  const adapter = detectFormat(filePath, source.unreadable ? undefined : source.text, config);
  if (!adapter) return undefined;
  if (source.unreadable) return unreadableReport(filePath, adapter.kind, source.unreadable);

  const project = fsProjectFiles(filePath, docBlocks);
  const lint = (text: string) => lintText(text, { path: filePath, config, configProblems: loaded.problems, kind: adapter.kind, project });
  let text = source.text;
  let fixed = 0;
  let writeProblem: string | undefined;
  if (options.fix) {
    const result = fixAll(text, (t) => lint(t).findings);
    if (result.applied > 0) {
      writeProblem = writeFixed(source, result.text);
      if (!writeProblem) {
        text = result.text;
        fixed = result.applied;
      }
    }
  }
  const result = lint(text);
  return { path: filePath, kind: adapter.kind, text, lines: result.file?.lines, findings: result.findings, columns: result.columns, fixed, writeProblem };
}

function unreadableReport(filePath: string, kind: string, message: string): FileReport {
  const span = { start: 0, end: 0 };
  return {
    path: filePath,
    kind,
    text: '',
    findings: [{ rule: 'parse-error', severity: 'error', message, span, range: new LineIndex('').rangeOf(span), data: {}, fixes: [] }],
    fixed: 0,
  };
}

export function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), path.resolve(filePath));
  // Relative even above the working folder ("../shared/x.yaml"), as DESIGN.md's JSON asks; only a
  // path on another drive has no relative form.
  return (path.isAbsolute(relative) ? path.resolve(filePath) : relative).replace(/\\/g, '/');
}
