import * as fs from 'fs';
import * as path from 'path';
import { ProseText } from '../../server/src/model/prose';
import { Column, FieldValue, ParsedFile } from '../../server/src/model/dataset';
import { ParsedTree, TreeNode } from '../../server/src/formats/tree';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const CORPUS = [path.resolve(repoRoot, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((p) => fs.existsSync(path.join(p, 'README.md')));

function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : yamlFilesUnder(path.join(dir, e.name))) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Every YAML file under test/, examples/ and the shared corpus. */
export const YAML_FILES = [...yamlFilesUnder(path.join(repoRoot, 'test')), ...yamlFilesUnder(path.join(repoRoot, 'examples')), ...(CORPUS ? yamlFilesUnder(CORPUS) : [])];

/** Everything a ParsedTree shows its users, edits included, as plain data. */
export function serialise(tree: ParsedTree): unknown {
  return {
    root: serialiseNode(tree.root),
    comments: tree.comments,
    problems: tree.problems,
    followsAliases: 'followsAliases' in tree ? tree.followsAliases : 'absent',
  };
}

export function serialiseNode(node: TreeNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'scalar':
      return { type: node.type, span: node.span, value: node.value, valueType: typeof node.value };
    case 'array':
      return {
        type: node.type,
        span: node.span,
        items: node.items.map(serialiseNode),
        append: node.append({ name: 'new_column', description: 'A new: column # here' }),
      };
    case 'object': {
      const keys = node.entries.map((e) => e.key);
      return {
        type: node.type,
        span: node.span,
        entries: node.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: serialiseNode(e.value), field: serialiseField(e.field()), found: node.get(e.key) === e })),
        missing: node.get('no such key'),
        insert: node.insert('added', 'a value'),
        insertStructure: node.insert('license', { name: 'CC0', path: 'https://example.org' }),
        insertBefore: [keys[0], keys[keys.length - 1], 'no such key'].map((k) => node.insert('added', 'two words', k)),
      };
    }
  }
}

function serialiseField(field: FieldValue): unknown {
  return {
    key: field.key,
    keySpan: field.keySpan,
    valueSpan: field.valueSpan,
    value: field.value,
    prose: serialiseProse(field.prose),
    replaceValue: ['new value', 'Needs: quoting # here', '', 'line one\nline two', "it's"].map((v) => field.replaceValue(v)),
  };
}

/**
 * What a field shows the rules, edits included, but of its prose only the whole span and one
 * replacement: few enough objects for a dictionary of a megabyte.
 */
export function fieldBriefly(field: FieldValue): unknown {
  return {
    key: field.key,
    keySpan: field.keySpan,
    valueSpan: field.valueSpan,
    value: field.value,
    prose: field.prose && { text: field.prose.text, nodeSpan: field.prose.nodeSpan, all: field.prose.sourceSpan(0, field.prose.text.length), replace: field.prose.replace(0, 1, 'X') },
    replaceValue: field.replaceValue('new: value'),
  };
}

/** Everything a column shows the rules, edits included (prose as in fieldBriefly). */
export function columnBriefly(column: Column): unknown {
  const fields = Object.entries(column.fields).map(([concept, field]) => ({ concept, ...(fieldBriefly(field!) as object) }));
  return { fields, span: column.span, insert: column.insertField('description', 'Added') };
}

/** Everything a parsed file shows the rules, edits included (prose as in fieldBriefly). */
export function fileBriefly(file: ParsedFile): unknown {
  return {
    kind: file.kind,
    sameText: file.text,
    lines: file.lines.lineCount,
    comments: file.comments,
    problems: file.problems,
    updates: typeof file.update,
    datasets: file.datasets.map((d) => ({
      fields: Object.entries(d.fields).map(([concept, field]) => ({ concept, ...(fieldBriefly(field!) as object) })),
      columns: d.columns?.map(columnBriefly),
      describesDataset: d.describesDataset,
      anchor: d.anchor,
      insertField: d.insertField('license', 'CC0'),
      insertColumn: d.insertColumn?.('added', 'An added column.'),
    })),
  };
}

function serialiseProse(prose: ProseText | undefined): unknown {
  if (!prose) return undefined;
  const n = prose.text.length;
  const positions: unknown[] = [];
  for (let i = 0; i <= n; i++) positions.push([prose.sourceSpan(i, i + 1), prose.sourceSpan(i, i)]);
  return {
    text: prose.text,
    decoded: prose.decoded,
    nodeSpan: prose.nodeSpan,
    exact: prose.exact,
    positions,
    ranges: [prose.sourceSpan(0, n), prose.sourceSpan(1, Math.max(1, n - 1)), prose.sourceSpan(n >> 1, n)],
    replace: [prose.replace(0, n, 'plain words'), prose.replace(0, Math.min(1, n), "x'y"), prose.replace(n >> 1, n, 'two\nlines')],
  };
}

/** One random change of the kind that takes a file out of (or back into) the fast reader's subset. */
export function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const insert = (s: string, where = at) => text.slice(0, where) + s + text.slice(where);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  switch (Math.floor(random() * 12)) {
    case 0:
      return insert(' '.repeat(1 + Math.floor(random() * 3)), lineStart);
    case 1: {
      const n = text.slice(lineStart).search(/[^ ]/);
      return n > 0 ? text.slice(0, lineStart) + text.slice(lineStart + 1 + Math.floor(random() * n)) : text;
    }
    case 2:
      return insert(pick([': ', ':', ' #', '# ', ' # c', '- ', '-', '\n', '\n\n', '\n  ', '\n    # note\n', '\n# top\n', '\n  - ']));
    case 3:
      return insert(pick(['"', "'", '\\', "''", '"\\n"', '\\x41', '\\u00e9']));
    case 4:
      return insert(pick(['&a ', '*a', '!tag ', '!!str ', '? ', '%YAML 1.2\n', '---\n', '...\n', '--- ']));
    case 5:
      return insert(pick(['\t', '{', '}', '[', ']', ', ', '{{ x }}', '[a, b]', '@', '`']));
    case 6:
      return insert(pick(['|', '>', '|-', '>+', '|2', '>1-', '| # h', '|\n', '>-\n']));
    case 7:
      return insert(pick(['true', 'null', '~', '0x1F', '0o17', '-12', '1.5e3', '.inf', '-.Inf', '.nan', 'False', '1_000', '012', '+.5']));
    case 8:
      return text.replace(/\n/g, '\r\n');
    case 9:
      return '\ufeff' + text;
    case 10:
      return text.slice(0, at);
    default: {
      // Swap two lines, or duplicate one: repeated keys and odd indentation.
      const lines = text.split('\n');
      const i = Math.floor(random() * lines.length);
      const j = Math.floor(random() * lines.length);
      if (random() < 0.5) [lines[i], lines[j]] = [lines[j], lines[i]];
      else lines.splice(i, 0, lines[j]);
      return lines.join('\n');
    }
  }
}

