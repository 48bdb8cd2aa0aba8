import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument, Scalar } from 'yaml';
import { readSource, writeFixed } from '../../server/src/cli/files';
import { Finding } from '../../server/src/engine/lint';
import { applyAndCheck, lint, only } from '../helpers';

/**
 * Every prose rule, in every way YAML can write a scalar. Each cell builds a metadata file whose
 * `description` holds one term; the term's source position is marked in the cell itself, so the
 * expected range comes from the fixture text and never from the engine.
 */

/** A prose rule's test term: its words, which of them the finding covers, and the text the first fix leaves. */
interface RuleTerm {
  rule: string;
  words: string[];
  /** Words [from, to) covered by the finding. */
  flagged: [number, number];
  /** What the whole term reads as after the first fix. */
  fixed: string;
  /** Picks this term's finding among the rule's findings (style also flags other things). */
  pick?: (f: Finding) => boolean;
}

/** Terms for cells that keep a term on one line, and for cells that fold a term across lines. */
const TERMS: Record<string, { single: RuleTerm; multi: RuleTerm }> = {
  acronym: {
    single: { rule: 'acronym', words: ['DCF'], flagged: [0, 1], fixed: 'Department of Children and Families (DCF)' },
    multi: { rule: 'acronym', words: ['DCF'], flagged: [0, 1], fixed: 'Department of Children and Families (DCF)' },
  },
  'plain-language': {
    single: { rule: 'plain-language', words: ['utilize'], flagged: [0, 1], fixed: 'use' },
    multi: { rule: 'plain-language', words: ['in', 'order', 'to'], flagged: [0, 3], fixed: 'to' },
  },
  'person-centered': {
    single: { rule: 'person-centered', words: ['inmates'], flagged: [0, 1], fixed: 'people who are incarcerated' },
    multi: { rule: 'person-centered', words: ['the', 'homeless'], flagged: [0, 2], fixed: 'people experiencing homelessness' },
  },
  style: {
    single: { rule: 'style', words: ['the', 'the'], flagged: [1, 2], fixed: 'the', pick: (f) => f.data.check === 'illusion' },
    multi: { rule: 'style', words: ['the', 'the'], flagged: [1, 2], fixed: 'the', pick: (f) => f.data.check === 'illusion' },
  },
};

/**
 * A cell: the description's value as written after `description: `, with `{}` where the term goes.
 * `join` is what separates the term's words in the source (a folded line break, an escaped one).
 */
interface Cell {
  name: string;
  value: string;
  join?: string;
  /** The yaml package's scalar type the value has, and must keep after every fix. */
  type: Scalar.Type;
}

const FOLD = '\n  ';
const CELLS: Cell[] = [
  { name: 'plain, mid-line', value: 'We count {} by year.', type: 'PLAIN' },
  { name: 'plain, at the start of the value', value: '{} counted by year.', type: 'PLAIN' },
  { name: 'plain, followed by a comment', value: 'We count {} # a comment', type: 'PLAIN' },
  { name: 'plain multi-line, at a line start', value: 'Counts for each town,\n  {} each year.', type: 'PLAIN' },
  { name: 'plain multi-line, at a line end', value: 'Counts for each town {}\n  each year.', type: 'PLAIN' },
  { name: 'plain, across a folded line break', value: 'Counts for {} each year.', join: FOLD, type: 'PLAIN' },
  { name: "single-quoted, after ''", value: "'The agency''s count of {} by year.'", type: 'QUOTE_SINGLE' },
  { name: 'single-quoted, across a folded line break', value: "'The agency''s count of {}\n  by year.'", join: FOLD, type: 'QUOTE_SINGLE' },
  { name: 'single-quoted, followed by a comment', value: "'It''s {}' # a comment", type: 'QUOTE_SINGLE' },
  { name: 'double-quoted, after escapes', value: '"Tab\\there, \\"quoted\\", back\\\\slash, caf\\u00e9: {} by year."', type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, across a folded line break', value: '"caf\\u00e9 \\"x\\" {}\n  by year."', join: FOLD, type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, across an escaped line break', value: '"Counts for {} each year."', join: ' \\\n  ', type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, at a line start', value: '"Counts for each town,\n  {} each year."', type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, followed by a comment', value: '"We count {}" # a comment', type: 'QUOTE_DOUBLE' },
  { name: 'literal, at a line start', value: '|\n  Counts for each town.\n  {} each year.\n', type: 'BLOCK_LITERAL' },
  { name: 'literal with a header comment, at a line end', value: '| # a comment\n  We count {}\n  by year.\n', type: 'BLOCK_LITERAL' },
  { name: 'folded, at a line start', value: '>\n  Counts for each town,\n  {} each year.\n', type: 'BLOCK_FOLDED' },
  { name: 'folded, at a line end', value: '>-\n  We count {}\n  by year.\n', type: 'BLOCK_FOLDED' },
  { name: 'folded, across a folded line break', value: '>-\n  Counts for {} each year.\n', join: FOLD, type: 'BLOCK_FOLDED' },
];

const HEAD = 'title: Placements by year\n';
const TAIL = [
  'category: Health and Human Services',
  'agency: Department of Children and Families',
  'contact_email: data@example.gov',
  'update_frequency: Annually',
  'license: Public Domain',
  '',
].join('\n');

interface Built {
  text: string;
  /** Offsets of the flagged words in `text`. */
  start: number;
  end: number;
  /** The whole file as it must read after the first fix. */
  fixed: string;
}

function build(cell: Cell, term: RuleTerm, eol: '\n' | '\r\n'): Built {
  const [before, after] = cell.value.split('{}');
  const join = term.words.length > 1 && cell.join ? cell.join : ' ';
  let source = '';
  let start = -1;
  let end = -1;
  const prefix = HEAD + 'description: ' + before;
  term.words.forEach((word, i) => {
    if (i === term.flagged[0]) start = prefix.length + source.length;
    source += word;
    if (i === term.flagged[1] - 1) end = prefix.length + source.length;
    if (i < term.words.length - 1) source += join;
  });
  const suffix = after + (after.endsWith('\n') ? '' : '\n') + TAIL;
  const crlf = (s: string) => (eol === '\r\n' ? s.replace(/\n/g, '\r\n') : s);
  // Offsets shift by one for each line break before them once "\n" becomes "\r\n".
  const shift = (offset: number) => offset + (eol === '\r\n' ? (prefix + source).slice(0, offset).split('\n').length - 1 : 0);
  return {
    text: crlf(prefix + source + suffix),
    start: shift(start),
    end: shift(end),
    fixed: crlf(prefix + term.fixed + suffix),
  };
}

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
