import * as assert from 'assert';
import { parseAllDocuments } from 'yaml';
import { ResolvedConfig } from '../server/src/config/config';
import { applyEdits } from '../server/src/engine/fixes';
import { Finding, lintText } from '../server/src/engine/lint';
import { Fix } from '../server/src/rules/rule';

export interface Options {
  path?: string;
  config?: ResolvedConfig;
}

/** Lints text as the named file (the name picks the format). */
export function lint(text: string, options: Options = {}): Finding[] {
  return lintText(text, { path: options.path ?? 'test.metadata.yaml', config: options.config }).findings;
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

/**
 * Applies one fix and checks what every fix must guarantee: the result parses, nothing outside the
 * edits changed, the finding is gone and no new finding appeared. Returns the fixed text.
 */
export function applyAndCheck(text: string, finding: Finding, fix: Fix, options: Options = {}): string {
  const fixed = applyEdits(text, fix.edits);
  assert.deepStrictEqual(yamlErrors(fixed), [], `fix "${fix.title}" broke the YAML:\n${fixed}`);
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
