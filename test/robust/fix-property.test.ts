/**
 * Every fix the engine offers, applied one at a time to every sample file on disk and to seeded
 * generated documents, must leave a file that reads as well as before, change nothing outside its
 * edits (neither the text nor any other value), and remove the finding it fixes.
 */
import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { applyEdits } from '../../server/src/engine/fixes';
import { Finding, lintParsed } from '../../server/src/engine/lint';
import { adapterForKind, detectFormat } from '../../server/src/formats';
import { FormatAdapter } from '../../server/src/formats/adapter';
import { FieldValue, ParsedFile } from '../../server/src/model/dataset';
import { TextEdit } from '../../server/src/model/text';
import { Fix } from '../../server/src/rules/rule';
import { nativeYaml, Random, sampleFiles, seedFrom } from './generate';

const SEED = seedFrom('PLAINMETA_FIX_SEED', 7001);
const GENERATED = 100;
/** Keeps npm test quick on a slow machine; the count printed says how many were checked. */
const GENERATED_MILLISECONDS = 8000;

const findingKey = (f: Finding) => `${f.rule}|${JSON.stringify(f.data)}`;
const count = (findings: Finding[], key: string) => findings.filter((f) => findingKey(f) === key).length;

function lint(adapter: FormatAdapter, text: string): { file: ParsedFile; findings: Finding[] } {
  const file = adapter.parse(text);
  return { file, findings: lintParsed(file, DEFAULT_CONFIG).findings };
}

/** Every value in the file by where it sits in the model, with its source span. */
function values(file: ParsedFile): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  file.datasets.forEach((dataset, d) => {
    for (const [concept, field] of Object.entries(dataset.fields)) if (field) out.set(`${d}.${concept}`, field);
    dataset.columns?.forEach((column, c) => {
      for (const [concept, field] of Object.entries(column.fields)) if (field) out.set(`${d}.columns[${c}].${concept}`, field);
    });
  });
  return out;
}

const touches = (field: FieldValue, edits: readonly TextEdit[]) =>
  edits.some((e) => e.start <= Math.max(field.valueSpan.end, field.keySpan.end) && e.end >= Math.min(field.keySpan.start, field.valueSpan.start));

/** Applies one fix and checks it; returns a description of what is wrong, or undefined. */
function checkFix(adapter: FormatAdapter, text: string, before: { file: ParsedFile; findings: Finding[] }, finding: Finding, fix: Fix): string | undefined {
  for (const e of fix.edits) {
    if (!(0 <= e.start && e.start <= e.end && e.end <= text.length)) return `edit [${e.start}, ${e.end}) lies outside the document (length ${text.length})`;
  }
  let fixed: string;
  try {
    fixed = applyEdits(text, fix.edits);
  } catch (error) {
    return (error as Error).message;
  }
  // Nothing outside the edits changed: the text between and around them is the same.
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  let from = 0;
  let at = 0;
  for (const e of sorted) {
    if (fixed.slice(at, at + (e.start - from)) !== text.slice(from, e.start)) return `text outside the edits changed near offset ${from}`;
    at += e.start - from + e.newText.length;
    from = e.end;
  }
  if (fixed.slice(at) !== text.slice(from)) return 'text after the last edit changed';

  const after = lint(adapter, fixed);
  const problemsBefore = new Set(before.findings.filter((f) => f.rule === 'parse-error').map((f) => f.message));
  const newProblems = after.findings.filter((f) => f.rule === 'parse-error' && !problemsBefore.has(f.message));
  if (newProblems.length) return `the fixed file no longer reads cleanly: ${newProblems[0].message}`;
  const ruleErrors = after.findings.filter((f) => f.rule === 'rule-error');
  if (ruleErrors.length) return ruleErrors[0].message;
  // Every value the edits did not touch reads the same as before.
  const afterValues = values(after.file);
  for (const [where, field] of values(before.file)) {
    if (touches(field, fix.edits)) continue;
    const now = afterValues.get(where);
    if (!now || now.value !== field.value) return `${where} changed from ${JSON.stringify(field.value)} to ${JSON.stringify(now?.value)}`;
  }
  const key = findingKey(finding);
  if (count(after.findings, key) >= count(before.findings, key)) return `the finding is still there`;
  return undefined;
}

interface Tally {
  documents: number;
  fixes: number;
  failures: string[];
}

function checkEveryFix(adapter: FormatAdapter, name: string, text: string, tally: Tally): void {
  const before = lint(adapter, text);
  tally.documents++;
  for (const finding of before.findings) {
    for (const fix of finding.fixes) {
      tally.fixes++;
      const problem = checkFix(adapter, text, before, finding, fix);
      if (problem && tally.failures.length < 10) {
        tally.failures.push(`${name}: ${finding.rule} "${finding.message}" fix "${fix.title}": ${problem}\n--- text ---\n${text}\n--- edits ---\n${JSON.stringify(fix.edits)}`);
      }
    }
  }
}

describe('every fix on every sample and generated file', function () {
  this.timeout(120_000);

  it('keeps sample files intact (examples, test fixtures, the shared corpus)', () => {
    const tally: Tally = { documents: 0, fixes: 0, failures: [] };
    const kinds = new Set<string>();
    for (const sample of sampleFiles()) {
      const adapter = detectFormat(sample.path, sample.text);
      if (!adapter) continue;
      kinds.add(adapter.kind);
      checkEveryFix(adapter, sample.name, sample.text, tally);
    }
    console.log(`      fix property, samples: ${tally.documents} files (${[...kinds].join(', ')}), ${tally.fixes} fixes applied and checked`);
    assert.ok(tally.documents >= 4, 'the examples should be found');
    assert.deepStrictEqual(tally.failures, []);
  });

  it(`keeps generated metadata and dictionaries intact (seed ${SEED}, PLAINMETA_FIX_SEED to change)`, () => {
    const r = new Random(SEED);
    const tally: Tally = { documents: 0, fixes: 0, failures: [] };
    const started = Date.now();
    for (let i = 0; i < GENERATED && Date.now() - started < GENERATED_MILLISECONDS; i++) {
      const kind = r.chance(0.6) ? 'metadata' : 'dictionary';
      checkEveryFix(adapterForKind(kind)!, `generated #${i} (${kind}, seed ${SEED})`, nativeYaml(r, kind), tally);
    }
    console.log(`      fix property, generated: ${tally.documents} files, ${tally.fixes} fixes applied and checked (seed ${SEED})`);
    assert.ok(tally.fixes > tally.documents, 'generated files should offer fixes');
    assert.deepStrictEqual(tally.failures, []);
  });
});
