import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { detached, ProseBuilder, ProseText } from '../../server/src/model/prose';
import { memoizeString, withoutMemos } from '../../server/src/rules/string-memo';
import { readColumns } from '../../server/src/formats/fields';
import { COLUMN_ALIASES } from '../../server/src/formats/native';
import { isArray } from '../../server/src/formats/tree';
import { readBlockYaml } from '../../server/src/formats/yaml/block-reader';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap in use after a full collection. */
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const MB = 1 << 20;
/** A text of `size` characters unlike any other made here, so no two share memory. */
const bigText = (seed: number, size: number) => `${seed}:`.padEnd(size, String.fromCharCode(97 + (seed % 26)));

describe('what a value keeps of the file it came from', () => {
  it('a value copied whole from the file does not keep the file alive', () => {
    const before = heapAfterGc();
    const kept: ProseText[] = [];
    for (let i = 0; i < 20; i++) {
      const builder = new ProseBuilder(bigText(i, 4 * MB));
      builder.pushSource(0, 100);
      kept.push(builder.build({ start: 0, end: 100 }, (t) => t));
    }
    const grown = heapAfterGc() - before;
    // The 20 files are 80 MB; the values, 2 KB.
    assert.ok(grown < 8 * MB, `kept ${(grown / MB).toFixed(1)} MB`);
    assert.strictEqual(kept[3].text, bigText(3, 100));
  });

  it('a memo keeps copies of its keys, not the texts they were sliced from', () => {
    const memo = memoizeString((s: string) => s.length);
    const before = heapAfterGc();
    for (let i = 0; i < 20; i++) memo(bigText(i, 4 * MB).slice(0, 100));
    const grown = heapAfterGc() - before;
    assert.ok(grown < 8 * MB, `kept ${(grown / MB).toFixed(1)} MB`);
    assert.strictEqual(memo.size, 20);
  });

  it('a memo bypassed by withoutMemos computes every time and keeps nothing new, and remembers again after', () => {
    let calls = 0;
    const memo = memoizeString((s: string) => (calls++, s.length));
    memo('kept');
    const inside = withoutMemos(() => [memo('kept'), memo('new one'), memo('new one')]);
    assert.deepStrictEqual(inside, [4, 7, 7]);
    assert.strictEqual(calls, 4);
    assert.strictEqual(memo.size, 1);
    memo('new one');
    memo('new one');
    assert.strictEqual(calls, 5);
    assert.strictEqual(memo.size, 2);
  });

  it('detached gives the same characters', () => {
    for (const s of ['', 'short', 'a longer text than thirteen', bigText(1, 1000).slice(3, 700)]) assert.strictEqual(detached(s), s);
  });
});

describe('what a column keeps of the YAML tree it was read from', () => {
  it('nothing: its fields and its insertField work from offsets once the tree is gone', async () => {
    const text = 'columns:\n  - name: town_name\n    description: "Name of the town"\n  - name: zip\n';
    const { columns, tree } = (() => {
      const root = readBlockYaml(text)!.root!;
      const list = root.type === 'object' ? root.get('columns')!.value : undefined;
      assert.ok(list && isArray(list));
      const item = list.items[0];
      assert.ok(item.type === 'object');
      const read = readColumns(list, COLUMN_ALIASES, [], { notList: '', notObject: '' });
      return { columns: read, tree: [new WeakRef(root), new WeakRef(item), new WeakRef(item.get('description')!.value!)] };
    })();
    // A WeakRef holds its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.deepStrictEqual(tree.map((ref) => ref.deref()), [undefined, undefined, undefined]);
    assert.deepStrictEqual(columns[1].insertField('description', 'ZIP code'), { start: 79, end: 79, newText: '    description: ZIP code\n' });
    assert.deepStrictEqual(columns[0].fields.description!.replaceValue('Town'), { start: 47, end: 63, newText: 'Town' });
  });
});
