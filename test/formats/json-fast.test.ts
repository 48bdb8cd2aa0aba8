import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dcatCatalog, seededRandom } from '../../bench/generate';
import { parseJson } from '../../server/src/formats/json/document';
import { readJson, readStrictJson } from '../../server/src/formats/json/read';
import { FieldValue } from '../../server/src/model/dataset';
import { ProseText } from '../../server/src/model/prose';
import { LineIndex } from '../../server/src/model/text';
import { ParsedTree, TreeNode } from '../../server/src/formats/tree';

/**
 * The fast JSON reader (scan.ts + lazy-tree.ts) against jsonc-parser's path, which it replaces for
 * strict JSON: for every text it accepts, everything an adapter can ask of the tree must be equal.
 */

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const CORPUS = [path.resolve(repoRoot, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((p) => fs.existsSync(path.join(p, 'README.md')));

function jsonFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? jsonFilesUnder(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
}

/** Every answer a prose value gives: its texts, each character's and each gap's source, and edits. */
function describeProse(prose: ProseText | undefined): unknown {
  if (!prose) return prose;
  const n = prose.text.length;
  const spans = [];
  for (let i = 0; i <= n; i++) spans.push([prose.sourceSpan(i, i + 1), prose.sourceSpan(i, i), prose.sourceSpan(0, i)]);
  const edits = [prose.replace(0, n, 'é "q"\n'), prose.replace(n >> 1, n, 'x'), prose.replace(0, 1, ''), prose.replace(-1, n + 5, 'y')];
  const moved = prose.moved(7);
  const afterMove = [moved.sourceSpan(0, n), moved.sourceSpan(n, n), moved.replace(0, 1, 'z'), moved.nodeSpan];
  return { text: prose.text, decoded: prose.decoded, exact: prose.exact, nodeSpan: prose.nodeSpan, spans, edits, afterMove };
}

function describeField(field: FieldValue): unknown {
  return {
    hasProse: 'prose' in field,
    key: field.key,
    keySpan: field.keySpan,
    valueSpan: field.valueSpan,
    value: field.value,
    prose: describeProse(field.prose),
    replace: [field.replaceValue('new "value"'), field.replaceValue('')],
  };
}

const INSERTED = [{ name: 'n', description: 'd "q"' }];

function describeNode(node: TreeNode | undefined): unknown {
  if (!node) return node;
  if (node.type === 'scalar') return { type: node.type, span: node.span, value: node.value, sign: Object.is(node.value, -0) };
  if (node.type === 'array') {
    return { type: node.type, span: node.span, items: node.items.map(describeNode), append: node.append({ name: 'x', description: 'y' }) };
  }
  const keys = [...new Set(node.entries.map((e) => e.key)), 'absent', ''];
  return {
    type: node.type,
    span: node.span,
    entries: node.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: describeNode(e.value), field: describeField(e.field()) })),
    // Which entry each key finds (the last of duplicates), by where its key is.
    get: keys.map((k) => node.get(k)?.keySpan),
    inserts: keys.flatMap((k) => [node.insert('added', 'v', k), node.insert('license', INSERTED, k)]).concat([node.insert('k', { a: 'b' })]),
  };
}

function describeTree(tree: ParsedTree): unknown {
  return { root: describeNode(tree.root), comments: tree.comments, problems: tree.problems, followsAliases: tree.followsAliases };
}

/** Whether the fast path accepted `text`, having checked that it then reads exactly as the slow path. */
function agrees(text: string, label: string): boolean {
  const lines = new LineIndex(text);
  const fast = readStrictJson(text, () => lines);
  if (!fast) return false;
  assert.deepStrictEqual(describeTree(fast), describeTree(parseJson(text, lines)), `${label}: the fast reader differs from jsonc-parser's\n${text.slice(0, 2000)}`);
  return true;
}

/** Strict JSON as JSON.parse sees it, a leading byte-order mark allowed, within the fast path's depth. */
function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return false;
  }
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max <= 200;
}

const PIECES = [
  ',', '[', ']', '{', '}', '"', ':', '\\', ' ', '\n', '\r\n', '\r', '\t', '\ufeff', '/', '*', '//c\n', '/*c*/', 'e', 'E', '-', '+', '.', '0', '01',
  '1e400', '-0', '123456789012345678901234567890', '1.5e-7', 'true', 'false', 'null', 'nul', 'tru', '\\u00e9', '\\ud83d\\ude00', '\\ud83d',
  '\\u12', '\\x', '\\n', '\\/', '\u0001', '\u00a0', '\u000b', 'é', '😀', '<b>', '&amp;', '"k": 1,', ',]', ',}', '"": ""', '"a": "b"', '[[[[', ']]]]',
];

const repoJson = [...jsonFilesUnder(path.join(repoRoot, 'test')), ...jsonFilesUnder(path.join(repoRoot, 'examples'))];
const corpusJson = CORPUS ? jsonFilesUnder(CORPUS) : [];

describe('the fast JSON reader', () => {
  it('reads every JSON file of the tests, examples and shared corpus exactly as jsonc-parser does, and accepts them all', () => {
    assert.ok(repoJson.length >= 7, `found only ${repoJson.length} .json files`);
    assert.ok(CORPUS, 'the shared corpus is beside the repository or at /work/shared/corpus');
    assert.ok(corpusJson.length >= 2);
    for (const file of [...repoJson, ...corpusJson]) {
      assert.ok(agrees(fs.readFileSync(file, 'utf8'), file), `the fast path did not accept ${file}`);
    }
  });

  it('reads a generated DCAT-US catalog exactly as jsonc-parser does, and accepts it', function () {
    this.timeout(120_000);
    assert.ok(agrees(dcatCatalog(2e5), 'dcatCatalog(2e5)'));
    const small = dcatCatalog(2e4);
    assert.ok(agrees(small.replace(/\n/g, '\r\n'), 'dcatCatalog(2e4) with CRLF'));
    assert.ok(agrees(JSON.stringify(JSON.parse(small)), 'dcatCatalog(2e4) on one line'));
  });

  it('reads the edges of strict JSON exactly as jsonc-parser does', () => {
    const accepted = [
      '', '  \n ', '\ufeff', '\ufeff{"a": 1}', '0', '-0', '"x"', '""', '[]', '{}', '[1e400, -1e400, 1E+2, 0.5e-3, -0.0, 123456789012345678901234567890]',
      '{"a": 1, "a": "two", "b": [], "a": {"c": null}}', '{"a": 1, "\\u0061": 2, "b\\/": 3, "b/": 4}',
      // Large objects find keys through a map: duplicates, escaped spellings, and the last one winning.
      JSON.stringify(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]))).replace('"k3"', '"k\\u0031"').replace('}', ', "k1": "last"}'), '{"k\\u00e9\\"y": "v\\ud83d\\ude00\\ud83d", "e": "\\b\\f\\n\\r\\t\\/\\\\"}',
      '{"":""}', '{ "x" : [ true , false , null ] }\r\n', '["caf\u00e9 😀", "<p>a &amp; b</p>"]',
      '{\n  "a": {\n    "b": [\n      {"c": "d"}\n    ]\n  }\n}\n',
      // Long strings, either side of the length up to which verbatim strings share one source map.
      ...[4095, 4096, 4097, 10000].map((n) => JSON.stringify({ description: 'ab '.repeat(n).slice(0, n), d2: 'x'.repeat(n - 1) + '\\n' })),
    ];
    for (const text of accepted) assert.ok(agrees(text, JSON.stringify(text)), `not accepted: ${JSON.stringify(text)}`);
    const refused = ['{"a": 1,}', '[1,]', '// c\n{}', '{/* c */}', '{"a": "\t"}', '01', '1.', '-', '.5', '+1', "{'a': 1}", '{"a" 1}', '[1 2]', '{} {}', 'True', 'nul', '"\\x"', '"\\u12"', '"abc', '[', '\u00a0{}', '\ufeff\ufeff{}', '{"a":1}\u000b', 'NaN'];
    for (const text of refused) assert.strictEqual(readStrictJson(text, () => new LineIndex(text)), undefined, JSON.stringify(text));
  });

  it('leaves nesting deeper than 200 to jsonc-parser, so the deepest files behave as before', () => {
    const at = (depth: number) => '['.repeat(depth) + '"x"' + ']'.repeat(depth);
    assert.ok(agrees(at(200), 'depth 200'));
    const deeper = at(300);
    assert.strictEqual(readStrictJson(deeper, () => new LineIndex(deeper)), undefined);
    assert.deepStrictEqual(describeTree(readJson(deeper, new LineIndex(deeper))), describeTree(parseJson(deeper)));
    // Deeper than jsonc-parser can recurse: the same exception as before, which the engine reports as a parse error.
    const deepest = at(200000);
    assert.throws(() => parseJson(deepest), RangeError);
    assert.throws(() => readJson(deepest, new LineIndex(deepest)), RangeError);
  });

  it('agrees with jsonc-parser on mutated documents (seeded; the seed is printed)', function () {
    this.timeout(120_000);
    const seed = Number(process.env.PLAINMETA_FUZZ_SEED ?? Date.now() % 2 ** 31);
    console.log(`      fuzz seed ${seed} (replay with PLAINMETA_FUZZ_SEED=${seed}; PLAINMETA_FUZZ_ROUNDS sets the rounds)`);
    const random = seededRandom(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const bases = [
      dcatCatalog(3000),
      fs.readFileSync(path.join(repoRoot, 'examples', 'clean', 'bridge-inspections', 'datapackage.json'), 'utf8'),
      '{"title": "Caf\\u00e9 \\"A\\"", "keyword": ["a", 1, null, true], "n": -0.5e3, "o": {"p": [{}, []]}, "d": "line\\nbreak"}',
    ];
    let accepted = 0;
    let rejected = 0;
    const rounds = Number(process.env.PLAINMETA_FUZZ_ROUNDS ?? 1000);
    for (let round = 0; round < rounds; round++) {
      let text = pick(bases);
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) {
        const at = Math.floor(random() * (text.length + 1));
        const kind = random();
        if (kind < 0.15) text = text.slice(0, at);
        else if (kind < 0.3) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 8)));
        else if (kind < 0.4) text = '['.repeat(195 + Math.floor(random() * 10)) + text + ']'.repeat(195 + Math.floor(random() * 10));
        else text = text.slice(0, at) + pick(PIECES) + text.slice(at);
      }
      const strict = isStrictJson(text);
      if (agrees(text, `seed ${seed} round ${round}`)) accepted++;
      else {
        // Whatever the fast path refuses is read by jsonc-parser, as it always was.
        assert.ok(!strict, `seed ${seed} round ${round}: strict JSON refused by the fast path\n${text.slice(0, 2000)}`);
        rejected++;
      }
    }
    assert.ok(accepted > 100 && rejected > 100, `accepted ${accepted}, rejected ${rejected}`);
  });
});
