import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dictionary, metadataWithLongDescription, seededRandom } from '../../bench/generate';
import { LineIndex } from '../../server/src/model/text';
import { readBlockYaml, readSequenceItem } from '../../server/src/formats/yaml/block-reader';
import { parseSequenceItem } from '../../server/src/formats/yaml/item';
import { composeYamlTree, parseYamlTree, wrapYaml } from '../../server/src/formats/yaml/tree';
import { CORPUS, mutate, repoRoot, serialise, serialiseNode, YAML_FILES as FILES } from './yaml-tree-serialise';

/** Whether the fast reader accepts `text`; when it does, its tree must equal the yaml package's in every way. */
function checkSame(text: string, label: string): boolean {
  const fast = readBlockYaml(text);
  if (!fast) return false;
  const slow = composeYamlTree(text);
  assert.deepStrictEqual(serialise(fast), serialise(slow), `${label}: the fast reader differs from the yaml package on ${JSON.stringify(text.length > 600 ? text.slice(0, 600) + '…' : text)}`);
  return true;
}

const SMALL_CASES = [
  'a: 1\nb: x # c\n',
  'a:\n  b: x # c\n\n# d\nc: 2\n',
  'a:\n  - x\n  - y # z\n\n',
  'a:\n- x\n- y\n  # c\nb: 1',
  'a:\nb:\n',
  'a: |\n  x\n\n\nb: 1',
  'a: |+\n  x\n\n\nb: 1',
  'a: >-\n  x\n   \n  \n  # c\nb: 1',
  'a: |\n  x\n     \n\n',
  'a: |2\n   x\n  y\n\n',
  '- a: |\n    x\n\n  b: 1\n',
  'a: | # h\n  x\nb: 2',
  'a:\n  - |\n    x\n    y\n  # c\n',
  'a: "x" \n  # c\nb: 1',
  'a:\n  b:\n    c: 1\n  # x\nd: 2\n',
  'a:\n  b:\n    c: 1\n    # x\n',
  '- name: a\n  # c\n- name: b\n # d\n',
  '- name: a\n    # c\n',
  'a: one\n  two\n\n  three\nb: "x\n  y"\nc: \'it\'\'s\'\n',
  'a: "esc \\" \\\\ \\n \\x41 \\u00e9 \\\n  next"\n',
  'x: true\ny: ~\nz: 0x1F\nw: 1.50\nv: .inf\nu: -12\nt: 012\ns: 0o17\nr: 1e3\nq: FALSE\np: Null\n',
  '---\na: 1\n',
  '--- # start\na: 1\n',
  '\ufeffa: 1\nb: 2\n',
  'a: 1\r\nb:\r\n  - x\r\n  - y # c\r\nc: |\r\n  t\r\n',
  '# only a comment\n',
  '',
  'a:\n  - x\n  -  y\n  - z\n',
  'k: v\n# trailing\n',
  'k: v\n  # indented trailing\n',
  'a: |-\n  text\n',
  'a: >\n  folded\n  text\n\n  more\n',
  'a: |\n  x',
  'a: x',
  'a: x  ',
  'list:\n  - 1\n  - true\n  - ~\n  - text\n',
  '- a\n- b\n',
  'a:\n  -  b: 1\n     c: 2\n',
  'a: x\ty\nb: "p\tq"\nc: |\n  r\ts\n# c\td\n',
  'a: "x\\\n    y"\n',
  'b: "x\\\n\n\n    \\ y"\n',
  'keywords: [a, "b c", \'d\', 1, true]  # flow\nempty: []\nrows:\n  - ["1", Manhattan]\n  - [a,b]\n    # c\n',
];

describe('fast block YAML reader', () => {
  describe('reads exactly as the yaml package', () => {
    it('on small cases', () => {
      for (const text of SMALL_CASES) checkSame(text, 'case');
    });

    it('on every YAML file under test/, examples/ and the shared corpus', () => {
      assert.ok(FILES.length >= 10, `found only ${FILES.length} files`);
      for (const file of FILES) checkSame(fs.readFileSync(file, 'utf8'), path.relative(repoRoot, file));
    });

    it('on the bench dictionaries and metadata', () => {
      for (const text of [dictionary(10_000), dictionary(100_000, 7), metadataWithLongDescription(20_000)]) assert.ok(checkSame(text, 'bench'), 'the fast reader accepts the bench files');
    });

    it('on seeded mutations of all of these', function () {
      this.timeout(120_000);
      const seed = Number(process.env.YAML_FUZZ_SEED ?? 20261122);
      const rounds = Number(process.env.YAML_FUZZ_ROUNDS ?? 3000);
      console.log(`      fuzz seed ${seed} (YAML_FUZZ_SEED), ${rounds} rounds (YAML_FUZZ_ROUNDS)`);
      const random = seededRandom(seed);
      const bases = [...SMALL_CASES, ...FILES.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 20_000), dictionary(3_000, 3), metadataWithLongDescription(1_500)];
      let accepted = 0;
      for (let round = 0; round < rounds; round++) {
        let text = bases[Math.floor(random() * bases.length)];
        const steps = 1 + Math.floor(random() * 3);
        for (let s = 0; s < steps; s++) text = mutate(text, random);
        if (checkSame(text, `seed ${seed} round ${round}`)) accepted++;
      }
      // Most mutations stay inside the subset: the comparison is not vacuous.
      assert.ok(accepted > rounds / 4, `the fast reader accepted only ${accepted} of ${rounds} mutations`);
    });
  });

  describe('accepts the files it is for', () => {
    const expected = [
      'examples/children-in-placement.dictionary.yaml',
      'examples/children-in-placement.metadata.yaml',
      'examples/clean/school-meals.metadata.yaml',
      'examples/clean/school-meals.dictionary.yaml',
      'test/fixtures/real/dbt/jaffle-shop/__sources.yml',
      'test/fixtures/real/dbt/jaffle-shop/stg_customers.yml',
      'test/fixtures/real/dbt/hubspot/src_hubspot.yml',
      'test/fixtures/real/dbt/nyc-ceqr/_seeds.yml',
      'test/fixtures/real/portal/colp/metadata.yml',
    ];
    for (const file of expected) {
      it(file, () => assert.ok(readBlockYaml(fs.readFileSync(path.join(repoRoot, file), 'utf8')), `falls back on ${file}`));
    }
    it('the dbt and Data Package files of the shared corpus', function () {
      if (!CORPUS) this.skip(); // corpus.test.ts fails when the corpus is missing
      for (const file of ['jaffle-shop/models/schema.yml', 'jaffle-shop/models/staging/schema.yml', 'country-codes/datapackage.yml']) {
        assert.ok(readBlockYaml(fs.readFileSync(path.join(CORPUS!, file), 'utf8')), `falls back on ${file}`);
      }
    });
    it('the bench dictionaries', () => {
      assert.ok(readBlockYaml(dictionary(10_000)));
      assert.ok(readBlockYaml(dictionary(100_000)));
    });
  });

  describe('leaves to the yaml package', () => {
    const cases: Array<[string, string]> = [
      ['tabs in indentation', 'a:\n\tb: 1\n'],
      ['an anchor', 'a: &x 1\n'],
      ['an alias', 'a: 1\nb: *x\n'],
      ['a tag', 'a: !!str 1\n'],
      ['an explicit key', '? a\n: 1\n'],
      ['a complex key', '[a, b]: 1\n'],
      ['a tab that separates', 'a:\tb\n'],
      ['a directive', '%YAML 1.2\n---\na: 1\n'],
      ['a document end marker', 'a: 1\n...\n'],
      ['a second document', 'a: 1\n---\nb: 2\n'],
      ['a flow mapping', 'a: {b: 1}\n'],
      ['a flow sequence over several lines', 'a: [b,\n  c]\n'],
      ['a flow mapping in a flow sequence', 'a: [{b: 1}]\n'],
      ['a double-quoted \\U escape', 'a: "\\U0001F600"\n'],
      ['templating', 'a: {{ var }}\n'],
      ['a quoted key', '"a": 1\n'],
      ['a duplicate key', 'a: 1\na: 2\n'],
      ['a syntax error', 'a: b: c\n'],
      ['odd indentation', 'a:\n    b: 1\n  c: 2\n'],
      ['an unclosed quote', 'a: "x\n'],
      ['a key that is not a string', '1: a\n'],
      ['an empty item', '- \n- a\n'],
      ['a scalar document', 'just text\n'],
      ['collections nested 100 deep', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' v\n'],
    ];
    for (const [what, text] of cases) {
      it(what, () => {
        assert.strictEqual(readBlockYaml(text), undefined);
        // parseYamlTree still reads it, through the yaml package.
        assert.deepStrictEqual(serialise(parseYamlTree(text)), serialise(composeYamlTree(text)));
      });
    }
  });

  describe('reads one sequence item as parseSequenceItem does', () => {
    it('for every column entry of a bench dictionary', () => {
      const text = dictionary(30_000, 5);
      const lines = new LineIndex(text);
      const starts = [...text.matchAll(/^ {2}- /gm)].map((m) => m.index!);
      let compared = 0;
      for (let i = 0; i + 1 < starts.length; i++) {
        const fast = readSequenceItem(text, starts[i], starts[i + 1]);
        assert.ok(fast, `entry ${i}`);
        const slow = parseSequenceItem(text, starts[i], starts[i + 1])!;
        assert.deepStrictEqual(serialiseNode(fast.node), serialiseNode(wrapYaml(text, lines, slow.map)));
        assert.deepStrictEqual(fast.comments, slow.comments);
        compared++;
      }
      assert.ok(compared > 50);
    });

    it('for seeded mutations inside one entry', () => {
      const seed = Number(process.env.YAML_FUZZ_SEED ?? 20261122);
      const random = seededRandom(seed + 1);
      const base = dictionary(4_000, 9);
      let compared = 0;
      for (let round = 0; round < 600; round++) {
        const starts = [...base.matchAll(/^ {2}- /gm)].map((m) => m.index!);
        const i = Math.floor(random() * (starts.length - 1));
        const entry = base.slice(starts[i], starts[i + 1]);
        let mutated = entry;
        for (let s = 0; s < 1 + Math.floor(random() * 2); s++) mutated = mutate(mutated, random);
        if (!mutated.endsWith('\n')) continue;
        const text = base.slice(0, starts[i]) + mutated + base.slice(starts[i + 1]);
        const end = starts[i] + mutated.length;
        const fast = readSequenceItem(text, starts[i], end);
        if (!fast) continue;
        const slow = parseSequenceItem(text, starts[i], end);
        // parseSequenceItem refuses these characters anywhere in the entry; the fast reader only where they mean something.
        if (!slow && /[&*!%\t]/.test(mutated)) continue;
        assert.ok(slow, `seed ${seed} round ${round}: the fast reader reads an entry the yaml package does not: ${JSON.stringify(mutated)}`);
        assert.deepStrictEqual(serialiseNode(fast.node), serialiseNode(wrapYaml(text, new LineIndex(text), slow.map)), `seed ${seed} round ${round}: ${JSON.stringify(mutated)}`);
        assert.deepStrictEqual(fast.comments, slow.comments);
        compared++;
      }
      assert.ok(compared > 100, `compared only ${compared}`);
    });

    it('with comments and blank lines inside and after the entry', () => {
      const text = 'columns:\n  - name: a # the key\n    description: >-\n      Folded\n      text\n    # between\n    type: text\n      # indented\n\n  - name: b\n';
      const start = text.indexOf('  - name: a');
      const end = text.indexOf('  - name: b');
      const fast = readSequenceItem(text, start, end)!;
      const slow = parseSequenceItem(text, start, end)!;
      assert.deepStrictEqual(serialiseNode(fast.node), serialiseNode(wrapYaml(text, new LineIndex(text), slow.map)));
      assert.deepStrictEqual(fast.comments, slow.comments);
    });
  });
});
