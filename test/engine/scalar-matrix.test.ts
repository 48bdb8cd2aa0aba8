import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument, Scalar } from 'yaml';
import { readSource, writeFixed } from '../../server/src/cli/files';
import { Finding } from '../../server/src/engine/lint';
import { applyAndCheck, lint, only } from '../helpers';
import { build, Cell, CELLS, RuleTerm, TERMS } from './scalar-cells';

/**
 * Every prose rule, in every way YAML can write a scalar. Each cell builds a metadata file whose
 * `description` holds one term; the term's source position is marked in the cell itself, so the
 * expected range comes from the fixture text and never from the engine.
 */

/** Zero-based line and UTF-16 character of an offset, counted here independently of the engine. */
function position(text: string, offset: number): { line: number; character: number } {
  const lines = text.slice(0, offset).split(/\r\n|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function descriptionType(text: string): Scalar.Type | undefined {
  const node = parseDocument(text).get('description', true) as Scalar | undefined;
  return node?.type;
}

function findingFor(text: string, term: RuleTerm): Finding {
  const found = only(lint(text), term.rule).filter(term.pick ?? (() => true));
  assert.strictEqual(found.length, 1, `expected one ${term.rule} finding in:\n${text}\ngot: ${found.map((f) => f.message).join('; ')}`);
  return found[0];
}

function checkCell(cell: Cell, term: RuleTerm, eol: '\n' | '\r\n'): void {
  const built = build(cell, term, eol);
  assert.strictEqual(descriptionType(built.text), cell.type, 'fixture has the scalar style it claims');
  const finding = findingFor(built.text, term);
  assert.deepStrictEqual(finding.range, { start: position(built.text, built.start), end: position(built.text, built.end) });
  assert.strictEqual(finding.span.start, built.start);
  assert.strictEqual(finding.span.end, built.end);
  assert.ok(finding.fixes.length > 0, 'every cell offers a fix');
  for (const fix of finding.fixes) applyAndCheck(built.text, finding, fix);
  const fixed = applyAndCheck(built.text, finding, finding.fixes[0]);
  assert.strictEqual(fixed, built.fixed);
  assert.strictEqual(descriptionType(fixed), cell.type, 'the fix keeps the scalar style');
}

for (const [label, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
  describe(`scalar-style matrix (${label} line endings)`, () => {
    for (const [rule, terms] of Object.entries(TERMS)) {
      describe(rule, () => {
        for (const cell of CELLS) {
          const term = cell.join ? terms.multi : terms.single;
          it(cell.name, () => checkCell(cell, term, eol));
        }
      });
    }
  });
}

describe('scalar-style matrix with a UTF-8 byte-order mark (through the CLI reader)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-bom-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [rule, terms] of Object.entries(TERMS)) {
    describe(rule, () => {
      CELLS.forEach((cell, index) => {
        const term = cell.join ? terms.multi : terms.single;
        it(cell.name, () => {
          const built = build(cell, term, '\n');
          const file = path.join(dir, `${rule}-${index}.metadata.yaml`);
          fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(built.text, 'utf8')]));
          const source = readSource(file);
          assert.strictEqual(source.hadBom, true);
          assert.strictEqual(source.text, built.text, 'the reader strips the mark');
          // Positions are counted as editors count them: without the mark.
          const finding = findingFor(source.text, term);
          assert.deepStrictEqual(finding.range, { start: position(built.text, built.start), end: position(built.text, built.end) });
          const fixed = applyAndCheck(source.text, finding, finding.fixes[0]);
          assert.strictEqual(fixed, built.fixed);
          assert.strictEqual(writeFixed(source, fixed), undefined);
          const bytes = fs.readFileSync(file);
          assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the mark is written back');
          assert.strictEqual(bytes.subarray(3).toString('utf8'), built.fixed);
        });
      });
    });
  }
});

describe('scalar-style matrix with a byte-order mark handed straight to the engine (as an editor may)', () => {
  for (const [rule, terms] of Object.entries(TERMS)) {
    describe(rule, () => {
      for (const cell of CELLS) {
        const term = cell.join ? terms.multi : terms.single;
        it(cell.name, () => {
          const built = build(cell, term, '\n');
          const text = '\ufeff' + built.text;
          // The mark is a character of the text the engine was given, so offsets count it.
          const finding = findingFor(text, term);
          assert.deepStrictEqual([finding.span.start, finding.span.end], [built.start + 1, built.end + 1]);
          assert.deepStrictEqual(finding.range, { start: position(text, built.start + 1), end: position(text, built.end + 1) });
          assert.strictEqual(applyAndCheck(text, finding, finding.fixes[0]), '\ufeff' + built.fixed);
        });
      }
    });
  }

  it('inserts a missing field at the first key\'s indentation, not counting the mark', () => {
    const text = '\ufefftitle: Children in Placement\ndescription: Children in placement by town.\n';
    const [f] = only(lint(text), 'required-field').filter((x) => x.data.field === 'license');
    assert.deepStrictEqual([f.span, f.range], [{ start: 1, end: 6 }, { start: { line: 0, character: 1 }, end: { line: 0, character: 6 } }]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), text + 'license: Public Domain\n');
  });

  it('reads a Data Package with a mark as JSON, without a syntax error', () => {
    const text = '\ufeff{\n  "name": "placements",\n  "title": "Children in Placement",\n  "resources": []\n}\n';
    const findings = lint(text, { path: 'datapackage.json' });
    assert.deepStrictEqual(only(findings, 'parse-error'), []);
    const [f] = only(findings, 'required-field').filter((x) => x.data.field === 'update_frequency');
    assert.deepStrictEqual(f.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0], { path: 'datapackage.json' }), text.replace('"resources"', '"update_frequency": "irregular",\n  "resources"'));
  });
});
