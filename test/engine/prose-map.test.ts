import * as assert from 'assert';
import { parseTree } from 'jsonc-parser';
import { parseDocument, Scalar } from 'yaml';
import { parseCsv } from '../../server/src/formats/csv/parse';
import { proseOfJsonString } from '../../server/src/formats/json/document';
import { proseOfScalar } from '../../server/src/formats/yaml/scalar';
import { ProseSink, ProseText } from '../../server/src/model/prose';
import { Span } from '../../server/src/model/text';
import { build, CELLS, TERMS } from './scalar-cells';

/**
 * ProseText keeps its source map as runs. These tests prove the runs map every decoded range
 * exactly as a map with one source span per decoded character does: the reference below keeps
 * that map (as ProseText did before runs) and answers `sourceSpan` the way it did.
 */

/** sourceSpan over a per-character map, as ProseText computed it. */
function perCharSpan(starts: readonly number[], ends: readonly number[], nodeSpan: Span, start: number, end: number): Span {
  const length = starts.length;
  if (length === 0) return { ...nodeSpan };
  const s = Math.max(0, Math.min(start, length));
  const e = Math.max(s, Math.min(end, length));
  if (e === s) {
    const at = s < length ? starts[s] : ends[length - 1];
    return { start: at, end: at };
  }
  return { start: starts[s], end: ends[e - 1] };
}

class PerCharProse extends ProseText {
  constructor(text: string, private readonly starts: number[], private readonly ends: number[], nodeSpan: Span) {
    super(text, 0, nodeSpan, () => undefined);
  }

  override sourceSpan(start: number, end: number): Span {
    return perCharSpan(this.starts, this.ends, this.nodeSpan, start, end);
  }
}

/** The decoders' other target: every decoded character with its own source span, each copied source character too. */
class PerCharBuilder implements ProseSink {
  text = '';
  starts: number[] = [];
  ends: number[] = [];

  constructor(private readonly source: string) {}

  get length(): number {
    return this.text.length;
  }

  get lastEnd(): number {
    return this.ends[this.ends.length - 1] ?? 0;
  }

  pushSource(start: number, end: number): void {
    for (let k = start; k < end; k++) this.push(this.source[k], k, k + 1);
  }

  push(chars: string, start: number, end: number): void {
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.text += chars;
  }

  truncate(length: number): void {
    this.text = this.text.slice(0, length);
    this.starts.length = Math.min(this.starts.length, length);
    this.ends.length = Math.min(this.ends.length, length);
  }

  build(nodeSpan: Span): ProseText {
    return new PerCharProse(this.text, this.starts, this.ends, nodeSpan);
  }
}

/**
 * Every range [i, j) from one before the start to one past the end (all pairs up to 300
 * characters, then every i with a spread of j), and the same after the value moved.
 */
function assertSameMap(actual: ProseText, reference: ProseText, label: string): void {
  assert.strictEqual(actual.decoded, reference.decoded, label);
  assert.strictEqual(actual.exact, true, `${label}: exact`);
  const length = actual.decoded.length;
  const ends = (i: number): number[] => {
    if (length <= 300) return Array.from({ length: length + 3 - i }, (_, k) => i + k);
    return [i, i + 1, i + 2, i + 17, i + 250, length - 1, length, length + 1].filter((j) => j >= i);
  };
  const moved = actual.moved(7);
  for (let i = -1; i <= length + 1; i++) {
    for (const j of ends(i)) {
      const expected = reference.sourceSpan(i, j);
      assert.deepStrictEqual(actual.sourceSpan(i, j), expected, `${label}: sourceSpan(${i}, ${j})`);
      assert.deepStrictEqual(moved.sourceSpan(i, j), { start: expected.start + 7, end: expected.end + 7 }, `${label}: moved sourceSpan(${i}, ${j})`);
    }
  }
}

function checkYamlScalar(text: string, key: string, label: string): void {
  const node = parseDocument(text, { keepSourceTokens: true }).get(key, true) as Scalar;
  const actual = proseOfScalar(text, node)!;
  const reference = proseOfScalar(text, node, new PerCharBuilder(text))!;
  assertSameMap(actual, reference, label);
}

/** Scalars the matrix does not write: escapes of every kind, chomping, trailing blanks, empty lines, long lines. */
const MORE_SCALARS: Record<string, string> = {
  'plain with trailing blanks before folds': 'description: one  \n  two\t\n\n  three\n',
  'plain, long': `description: ${'word '.repeat(200)}end\n`,
  'single-quoted with doubled quotes at both ends': "description: '''a'' b '''\n",
  'single-quoted, empty lines and blanks': "description: 'a  \n\n\n   b  '\n",
  'double-quoted, every escape': 'description: "\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P x"\n',
  'double-quoted, hex escapes and a surrogate pair': 'description: "\\x41\\u00e9\\U0001F600 ok \\ud83d"\n',
  'double-quoted, escaped line breaks and blanks': 'description: "a \\\n   b  \\\n  c \\ d"\n',
  'double-quoted, empty': 'description: ""\n',
  'literal, kept trailing lines': 'description: |+\n  a\n\n  b\n\n\nnext: x\n',
  'literal, stripped': 'description: |-\n\n  a\n   indented\n  b\n',
  'literal, explicit indentation': 'description: |2\n    a\n  b\n',
  'folded, more-indented and empty lines': 'description: >\n  a\n  b\n\n  c\n    more\n  d\n\n',
  'folded, kept': 'description: >+\n  a\n  b\n\n',
  'folded, CRLF': 'description: >-\r\n  a\r\n  b\r\n\r\n  c\r\n',
  'plain, CRLF': 'description: a\r\n  b\r\n\r\n  c\r\n',
};

describe('source maps as runs give what a per-character map gives', () => {
  describe('YAML scalars of the scalar-style matrix', () => {
    for (const eol of ['\n', '\r\n'] as const) {
      for (const terms of Object.values(TERMS)) {
        for (const cell of CELLS) {
          const term = cell.join ? terms.multi : terms.single;
          const label = `${cell.name}, ${term.words.join(' ')}, ${eol === '\n' ? 'LF' : 'CRLF'}`;
          it(label, () => checkYamlScalar(build(cell, term, eol).text, 'description', label));
        }
      }
    }
  });

  describe('more YAML scalars', () => {
    for (const [name, text] of Object.entries(MORE_SCALARS)) it(name, () => checkYamlScalar(text, 'description', name));
  });

  describe('JSON strings', () => {
    const strings: Record<string, string> = {
      'without escapes': '"Number of children in placement"',
      'escapes of every kind': '"caf\\u00e9 \\"A\\"\\n\\ud83d\\ude00 ok \\\\ \\/ \\b\\f\\r\\t"',
      'only escapes': '"\\n\\n\\u0041"',
      'escapes at both ends': '"\\"quoted\\""',
      empty: '""',
      long: `"${'word '.repeat(150)}\\n${'more '.repeat(150)}"`,
    };
    for (const [name, literal] of Object.entries(strings)) {
      it(name, () => {
        const text = `{"d": ${literal}}`;
        const node = parseTree(text)!.children![0].children![1];
        if (literal === '""') {
          // Nothing decoded: both map every range to the whole string.
          assert.deepStrictEqual(proseOfJsonString(text, node).sourceSpan(0, 0), { start: 6, end: 8 });
          return;
        }
        assertSameMap(proseOfJsonString(text, node), proseOfJsonString(text, node, new PerCharBuilder(text)), name);
      });
    }
  });

  describe('CSV cells', () => {
    /** Each cell's per-character map, decoded here as RFC 4180 says: `""` in a quoted cell is one quote. */
    function perCharCell(text: string, span: Span, quoted: boolean): PerCharProse {
      const builder = new PerCharBuilder(text);
      let i = span.start;
      if (quoted) {
        for (i++; i < span.end && !(text[i] === '"' && text[i + 1] !== '"'); ) {
          const doubled = text[i] === '"';
          builder.push(text[i], i, doubled ? i + 2 : i + 1);
          i += doubled ? 2 : 1;
        }
        i++; // the closing quote
      }
      builder.pushSource(Math.min(i, span.end), span.end);
      return builder.build(span) as PerCharProse;
    }

    const text = [
      'name,description,notes',
      'town,"Town, as ""named"" by the state",plain',
      '"multi","Line one\r\nline two ""quoted""",""',
      'code,"a""b"stray,',
      '"""",x,"unclosed',
      'end',
    ].join('\n');
    it('every cell of a file with quotes, doubled quotes, line breaks and stray text', () => {
      const cells = parseCsv(text).records.flatMap((r) => r.cells);
      assert.strictEqual(cells.length, 15);
      for (const [n, cell] of cells.entries()) {
        const label = `cell ${n} ${JSON.stringify(text.slice(cell.span.start, cell.span.end))}`;
        if (cell.value.length === 0) {
          assert.deepStrictEqual(cell.prose.sourceSpan(0, 1), cell.span, label);
          continue;
        }
        assertSameMap(cell.prose, perCharCell(text, cell.span, cell.quoted), label);
      }
    });
  });
});
