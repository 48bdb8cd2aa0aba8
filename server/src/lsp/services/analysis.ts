import { fileURLToPath } from 'url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../config/config';
import { LoadedConfig } from '../../config/load';
import { Finding, lintText } from '../../engine/lint';
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
  /** Lints another text as this document (same kind, same configuration): for checking fixes. */
  relint(text: string): Finding[];
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

/** Lints a document; undefined when plainmeta does not read files of its kind. */
export function analyze(document: TextDocument, configFor: ConfigLookup): Analysis | undefined {
  const { path, onDisk } = uriToPath(document.uri);
  const { config, problems } = configFor(onDisk ? path : undefined);
  const text = document.getText();
  const adapter = detectFormat(path, text, config);
  if (!adapter) return undefined;
  const relint = (t: string): Finding[] => {
    try {
      return lintText(t, { path, config, configProblems: problems, kind: adapter.kind }).findings;
    } catch (error) {
      // The engine guards each rule; this catches a reader that failed on an odd document.
      const lines = new LineIndex(t);
      const span = { start: 0, end: 0 };
      return [{ rule: 'parse-error', severity: 'error', message: `plainmeta could not read this file: ${(error as Error).message}`, span, range: lines.rangeOf(span), data: {}, fixes: [] }];
    }
  };
  return { uri: document.uri, version: document.version, path, text, lines: new LineIndex(text), kind: adapter.kind, findings: relint(text), relint };
}
