import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dcatCatalog, dictionary, metadataWithLongDescription, seededRandom } from '../../bench/generate';
import { FormatAdapter } from '../../server/src/formats/adapter';
import { dcatCatalog as catalogAdapter } from '../../server/src/formats/dcat';
import { nativeDictionary, nativeMetadata, portalMetadata } from '../../server/src/formats/native';
import { readJson } from '../../server/src/formats/json/read';
import { ParsedTree, TreeArray, TreeObject } from '../../server/src/formats/tree';
import { READ_STEP_CHARS } from '../../server/src/formats/steps';
import { readBlockYaml, readBlockYamlInSteps } from '../../server/src/formats/yaml/block-reader';
import { ParsedFile } from '../../server/src/model/dataset';
import { LineIndex } from '../../server/src/model/text';
import { fileBriefly, mutate, repoRoot, serialise, YAML_FILES } from './yaml-tree-serialise';

/**
 * Runs several stepped reads at once, one step of each in turn, as a language server does with
 * the lints of several documents; gives each read's result and the offsets it paused at.
 */
function interleaved<T>(reads: Array<Generator<number, T>>): Array<{ result: T; pauses: number[] }> {
  const out = reads.map(() => ({ result: undefined as T, pauses: [] as number[], done: false }));
  while (out.some((o) => !o.done)) {
    reads.forEach((read, i) => {
      if (out[i].done) return;
      const next = read.next();
      if (next.done) {
        out[i].result = next.value;
        out[i].done = true;
      } else out[i].pauses.push(next.value);
    });
  }
  return out.map(({ result, pauses }) => ({ result, pauses }));
}

/** A stepped read that pauses after every entry and item it may pause at, beside another such read. */
function readPausingEverywhere(text: string, other: string): { tree: ParsedTree | undefined; pauses: number[] } {
  const [{ result, pauses }] = interleaved([readBlockYamlInSteps(text, undefined, undefined, 1), readBlockYamlInSteps(other, undefined, undefined, 1)]);
  return { tree: result, pauses };
}

const same = (stepped: ParsedTree | undefined, whole: ParsedTree | undefined, label: string) =>
  assert.deepStrictEqual(stepped && serialise(stepped), whole && serialise(whole), `${label}: the stepped read differs from the read in one go`);

/** Where each item of a generated dictionary's `columns` ends: the next item's line, or the end of the text. */
function columnEnds(text: string): number[] {
  const ends: number[] = [];
  for (let at = text.indexOf('\n  - ', text.indexOf('\ncolumns:\n') + 11); at >= 0; at = text.indexOf('\n  - ', at + 1)) ends.push(at + 1);
  ends.push(text.length);
  return ends;
}

describe('block YAML read in steps', () => {
  const other = dictionary(5_000, 9);

  it('gives exactly the read in one go on every YAML file under test/, examples/ and the shared corpus, pausing after every entry', () => {
    let paused = 0;
    for (const file of YAML_FILES) {
      const text = fs.readFileSync(file, 'utf8');
      const { tree, pauses } = readPausingEverywhere(text, other);
      same(tree, readBlockYaml(text), path.relative(repoRoot, file));
      if (pauses.length > 0) paused++;
    }
    assert.ok(paused >= 10, `only ${paused} files read in more than one step`);
  });

  it('gives exactly the read in one go on the bench dictionaries and metadata', () => {
    for (const text of [dictionary(10_000), dictionary(100_000, 7), metadataWithLongDescription(20_000)]) {
      const { tree, pauses } = readPausingEverywhere(text, other);
      assert.ok(tree && pauses.length > 2);
      same(tree, readBlockYaml(text), 'bench');
    }
  });

  it('gives exactly the read in one go, or gives up as it does, on seeded mutations', () => {
    const random = seededRandom(20261122);
    const bases = [...YAML_FILES.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 20_000), dictionary(3_000, 3), metadataWithLongDescription(1_500)];
    let accepted = 0;
    for (let round = 0; round < 400; round++) {
      let text = bases[Math.floor(random() * bases.length)];
      for (let s = 1 + Math.floor(random() * 3); s > 0; s--) text = mutate(text, random);
      const whole = readBlockYaml(text);
      same(readPausingEverywhere(text, other).tree, whole, `round ${round}`);
      if (whole) accepted++;
    }
    assert.ok(accepted > 100, `the fast reader accepted only ${accepted} of 400 mutations`);
  });

  it(`pauses at the first column's end ${READ_STEP_CHARS.toLocaleString('en-US')} characters or more after the last pause, whatever the time`, () => {
    const text = dictionary(1e6);
    const expected: number[] = [];
    for (const end of columnEnds(text)) if (end - (expected[expected.length - 1] ?? 0) >= READ_STEP_CHARS) expected.push(end);
    const [first, second] = interleaved([readBlockYamlInSteps(text), readBlockYamlInSteps(text)]);
    assert.deepStrictEqual(first.pauses, expected);
    assert.deepStrictEqual(second.pauses, expected);
    assert.ok(expected.length >= 9, `${expected.length} pauses in 1 MB`);
  });
});

describe('formats read in steps (FormatAdapter.parseInSteps)', function () {
  this.timeout(60_000);

  const check = (adapter: FormatAdapter, texts: string[]): ParsedFile[] => {
    const reads = interleaved(texts.map((t) => adapter.parseInSteps!(t)));
    reads.forEach(({ result }, i) => assert.deepStrictEqual(fileBriefly(result), fileBriefly(adapter.parse(texts[i])), `${adapter.kind} ${i}`));
    return reads.map((r) => r.result);
  };

  it('reads the bench dictionaries as parse does, the largest in several steps', () => {
    const texts = [dictionary(1e6), dictionary(250_000, 5), dictionary(10_000)];
    const [large] = check(nativeDictionary, texts);
    assert.strictEqual(large.datasets[0].columns!.length, nativeDictionary.parse(texts[0]).datasets[0].columns!.length);
    assert.ok(interleaved([nativeDictionary.parseInSteps!(texts[0])])[0].pauses.length >= 9);
  });

  it('reads metadata and portal files as parse does', () => {
    check(nativeMetadata, [metadataWithLongDescription(300_000), fs.readFileSync(path.join(repoRoot, 'examples', 'children-in-placement.metadata.yaml'), 'utf8')]);
    check(portalMetadata, [fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'real', 'portal', 'colp', 'metadata.yml'), 'utf8')]);
  });

  it('reads DCAT-US catalogs as parse does, pausing at the end of the first dataset past each step', () => {
    const texts = [dcatCatalog(1e6), dcatCatalog(150_000, 6), '{"dataset": [1, {"title": "x"}]}', '{"dataset": [{"title": "x"},], }'];
    check(catalogAdapter, texts);
    const list = (readJson(texts[0], new LineIndex(texts[0])).root as TreeObject).get('dataset')!.value as TreeArray;
    const expected: number[] = [];
    for (const { span } of list.items) if (span.end - (expected[expected.length - 1] ?? 0) >= READ_STEP_CHARS) expected.push(span.end);
    assert.ok(expected.length >= 9);
    assert.deepStrictEqual(interleaved([catalogAdapter.parseInSteps!(texts[0])])[0].pauses, expected);
  });

  it('when the fast reader gives up after pausing, the yaml package reads the file in one more step, as parse does', () => {
    // An anchor after the columns: the fast reader has read and paused in them before it gives up.
    const text = dictionary(300_000) + 'shared: &s Shared words\nmore: *s\n';
    assert.strictEqual(readBlockYaml(text), undefined);
    const [read] = interleaved([nativeDictionary.parseInSteps!(text)]);
    assert.ok(read.pauses.length >= 2);
    assert.deepStrictEqual(fileBriefly(read.result), fileBriefly(nativeDictionary.parse(text)));
    assert.strictEqual(read.result.datasets[0].fields.title?.value, 'Placements by Town and Year, columns');
  });
});
