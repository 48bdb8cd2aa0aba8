import * as assert from 'assert';
import { parseTree, ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { ResolvedConfig } from '../server/src/config/config';
import { applyEdits } from '../server/src/engine/fixes';
import { Finding, lintText } from '../server/src/engine/lint';
import { guessDelimiter, parseCsv } from '../server/src/formats/csv/parse';
import { ProjectFiles } from '../server/src/model/project';
import { Fix } from '../server/src/rules/rule';

export interface Options {
  path?: string;
  config?: ResolvedConfig;
  project?: ProjectFiles;
}

/** Lints text as the named file (the name picks the format). */
export function lint(text: string, options: Options = {}): Finding[] {
  return lintText(text, { path: options.path ?? 'test.metadata.yaml', config: options.config, project: options.project }).findings;
}

/** A project whose data files are given as text, for `missing-column` and dbt doc blocks. */
export function projectOf(files: Record<string, string>, docs: Record<string, string> = {}): ProjectFiles {
  return {
    readHeader: (p) => {
      if (!(p in files)) return { problem: 'the file does not exist.' };
      const header = parseCsv(files[p], guessDelimiter(files[p]), 1).records[0];
      return header ? { columns: header.cells.map((c) => c.value) } : { problem: 'it is empty; the first row should name the columns.' };
    },
    docBlock: (name) => docs[name],
  };
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** A finding reduced to what tests compare: rule, zero-based [line, char, line, char], message. */
export function brief(f: Finding): { rule: string; range: [number, number, number, number]; message: string } {
  return { rule: f.rule, range: [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], message: f.message };
}

/** The text of the file covered by the finding. */
export function covered(text: string, f: Finding): string {
  return text.slice(f.span.start, f.span.end);
}

/** Every YAML error in the text, as messages; [] when it parses cleanly. */
export function yamlErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors.map((e) => e.message) : ['not a document']));
}

/** Every JSON syntax error in the text; [] when it parses cleanly as strict JSON. */
export function jsonErrors(text: string): string[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const out = errors.map((e) => `${e.error} at ${e.offset}`);
  try {
    JSON.parse(text);
  } catch (error) {
    out.push((error as Error).message);
  }
  return out;
}

/** Every CSV problem in the text, and rows whose cell count differs from the header's. */
export function csvErrors(text: string): string[] {
  const parsed = parseCsv(text, guessDelimiter(text));
  const width = parsed.records[0]?.cells.length ?? 0;
  return [
    ...parsed.problems.map((p) => p.message),
    ...parsed.records.filter((r) => r.cells.length > width).map((r) => `row at ${r.span.start} has ${r.cells.length} cells, more than the header's ${width}`),
  ];
}

/** Syntax errors of the text in the format its file name implies. */
export function syntaxErrors(text: string, filePath: string): string[] {
  if (/\.json$/i.test(filePath)) return jsonErrors(text);
  if (/\.csv$/i.test(filePath)) return csvErrors(text);
  return yamlErrors(text);
}

/**
 * Applies one fix and checks what every fix must guarantee: the result parses, nothing outside the
 * edits changed, the finding is gone and no new finding appeared. Returns the fixed text.
 */
export function applyAndCheck(text: string, finding: Finding, fix: Fix, options: Options = {}): string {
  const fixed = applyEdits(text, fix.edits);
  const filePath = options.path ?? 'test.metadata.yaml';
  assert.deepStrictEqual(syntaxErrors(fixed, filePath), [], `fix "${fix.title}" broke the file:\n${fixed}`);
  // Outside the edits the text is unchanged: the prefix before the first and suffix after the last.
  const first = Math.min(...fix.edits.map((e) => e.start));
  const last = Math.max(...fix.edits.map((e) => e.end));
  assert.strictEqual(fixed.slice(0, first), text.slice(0, first));
  assert.strictEqual(fixed.slice(fixed.length - (text.length - last)), text.slice(last));
  const before = lint(text, options);
  const after = lint(fixed, options);
  const key = (f: Finding) => `${f.rule}|${JSON.stringify(f.data)}`;
  const count = (list: Finding[], k: string) => list.filter((f) => key(f) === k).length;
  assert.ok(count(after, key(finding)) < count(before, key(finding)), `fix "${fix.title}" did not remove its finding: ${finding.message}`);
  for (const f of after) {
    if (f.rule === 'style') continue; // rewording can change write-good's view of a sentence
    assert.ok(count(before, key(f)) >= count(after, key(f)), `fix "${fix.title}" added a finding: ${f.rule}: ${f.message}`);
  }
  return fixed;
}
