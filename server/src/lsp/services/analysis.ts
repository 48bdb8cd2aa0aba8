import { fileURLToPath } from 'url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../config/config';
import { LoadedConfig } from '../../config/load';
import { DocumentLinter } from '../../engine/document';
import { Finding, finish, LintResult, lintInSteps, LintStep } from '../../engine/lint';
import { detectFormat } from '../../formats';
import { LineIndex } from '../../model/text';

/** One version of an open document as plainmeta read it. */
export interface Analysis {
  uri: string;
  version: number;
  /** The file path the format and the configuration were found from. */
  path: string;
  text: string;
  lines: LineIndex;
  kind: string;
  findings: Finding[];
  /**
   * Findings moved unchanged from the document's previous analysis, each with the one it was,
   * all of whose positions only changed line (see `LintResult.moved`); findings before the edit
   * are the very objects of the previous analysis.
   */
  moved?: ReadonlyMap<Finding, Finding>;
  /** Lints another text as this document (same kind, same configuration): for checking fixes. */
  relint(text: string): Finding[];
  /** As `relint`, one step at a time (see lintInSteps). */
  relintInSteps(text: string): Generator<LintStep, Finding[]>;
}

/** The configuration for a file path; undefined for documents that are not files on disk. */
export type ConfigLookup = (filePath: string | undefined) => LoadedConfig;

export const NO_CONFIG: LoadedConfig = { config: DEFAULT_CONFIG, problems: [] };

/** The file path of a document URI: the real path for `file:` URIs, otherwise the URI's path part. */
export function uriToPath(uri: string): { path: string; onDisk: boolean } {
  try {
    const url = new URL(uri);
    if (url.protocol === 'file:') return { path: fileURLToPath(url), onDisk: true };
    return { path: decodeURIComponent(url.pathname), onDisk: false };
  } catch {
    return { path: uri, onDisk: false };
  }
}

/**
 * Lints a document step by step (see lintInSteps) with the document's own linter, which reuses
 * what earlier versions worked out; undefined, before any step, when plainmeta does not read files
 * of its kind.
 */
export function* analyzeInSteps(document: TextDocument, configFor: ConfigLookup, linter: DocumentLinter, remember = true): Generator<LintStep, Analysis | undefined> {
  const { path, onDisk } = uriToPath(document.uri);
  const { config, problems } = configFor(onDisk ? path : undefined);
  const text = document.getText();
  const version = document.version;
  const adapter = detectFormat(path, text, config);
  if (!adapter) return undefined;
  // A step of its own, so that the validator knows the file is read before the slow part starts.
  yield { done: `found ${adapter.label}`, count: 0, total: 1 };
  const options = { path, config, configProblems: problems, kind: adapter.kind };
  const relintInSteps = function* (t: string): Generator<LintStep, Finding[]> {
    try {
      return (yield* lintInSteps(t, options)).findings;
    } catch (error) {
      return [readFailure(t, error)];
    }
  };
  const relint = (t: string): Finding[] => finish(relintInSteps(t));
  let result: LintResult;
  try {
    result = yield* linter.lintInSteps(text, options, remember);
  } catch (error) {
    result = { kind: adapter.kind, findings: [readFailure(text, error)] };
  }
  // The file's own line index when it has one: building another costs a pass over the whole text.
  const lines = result.file?.lines ?? new LineIndex(text);
  return { uri: document.uri, version, path, text, lines, kind: adapter.kind, findings: result.findings, moved: result.moved, relint, relintInSteps };
}

/** The engine guards each rule; this is for a reader that failed on an odd document. */
function readFailure(text: string, error: unknown): Finding {
  const lines = new LineIndex(text);
  const span = { start: 0, end: 0 };
  return { rule: 'parse-error', severity: 'error', message: `plainmeta could not read this file: ${(error as Error).message}`, span, range: lines.rangeOf(span), data: {}, fixes: [] };
}
