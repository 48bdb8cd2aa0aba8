import * as assert from 'assert';
import { dictionary } from '../../bench/generate';
import { readColumns } from '../../server/src/formats/fields';
import { COLUMN_ALIASES, nativeDictionary } from '../../server/src/formats/native';
import { isObject, TreeNode } from '../../server/src/formats/tree';
import { readBlockYaml } from '../../server/src/formats/yaml/block-reader';
import { Column } from '../../server/src/model/dataset';
import { columnBriefly } from './yaml-tree-serialise';

/** The columns of a native dictionary read from the whole tree, without reading items as they come. */
function columnsFromTree(text: string): Column[] {
  const root = readBlockYaml(text)!.root;
  assert.ok(isObject(root));
  return readColumns(root.get('columns')!.value, COLUMN_ALIASES, [], { notList: '', notObject: '' });
}

describe('columns read one entry at a time (ItemReader)', () => {
  it('gives exactly the columns read from the whole tree', () => {
    const text = dictionary(30e3);
    const early = nativeDictionary.parse(text).datasets[0].columns!;
    const late = columnsFromTree(text);
    assert.ok(early.length > 50);
    assert.deepStrictEqual(early.map(columnBriefly), late.map(columnBriefly));
  });

  it('reads only the items of the top-level key, and passes on items that are not mappings', () => {
    const seen: TreeNode[] = [];
    const text = 'title: T\nnotes:\n  columns:\n    - name: inner\ncolumns:\n  - name: a\n  - plain item\n  - name: b\n    columns:\n      - name: nested\n';
    const tree = readBlockYaml(text, undefined, { key: 'columns', read: (item) => (seen.push(item), item) })!;
    assert.deepStrictEqual(
      seen.map((item) => text.slice(item.span.start, item.span.end).trimEnd()),
      ['name: a', 'plain item', 'name: b\n    columns:\n      - name: nested'],
    );
    const file = nativeDictionary.parse(text);
    assert.deepStrictEqual(file.datasets[0].columns!.map((c) => c.fields.name?.value), ['a', 'b']);
    assert.deepStrictEqual(file.problems.map((p) => text.slice(p.span.start, p.span.end)), ['plain item']);
    assert.ok(tree.root);
  });

  it('when the fast reader gives up after reading some items, the columns come from the yaml package instead', () => {
    // An anchor and alias after the columns: the fast reader has read every item before it gives up.
    const text = 'columns:\n  - name: a\n    description: &d Shared words\n  - name: b\n    description: *d\n';
    assert.strictEqual(readBlockYaml(text), undefined);
    const columns = nativeDictionary.parse(text).datasets[0].columns!;
    assert.deepStrictEqual(columns.map((c) => [c.fields.name?.value, c.fields.description?.value]), [['a', 'Shared words'], ['b', 'Shared words']]);
  });
});
