import { isMap, isScalar, isSeq, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { renderJson } from '../json/document';
import { InsertValue, ParsedTree, TreeArray, TreeEntry, TreeNode, TreeObject } from '../tree';
import { fieldValueOfPair, insertLineAfter, insertPairText, keyOf, parseYaml, spanOf, templatedText, yamlScalarText } from './document';

/** Parses YAML (first document) into the shared tree, with comments and problems as parseYaml gives them. */
export function parseYamlTree(text: string): ParsedTree {
  const { doc, comments, problems } = parseYaml(text);
  const lines = new LineIndex(text);
  const root = doc?.contents == null ? undefined : wrapYaml(text, lines, doc.contents);
  return { root, comments, problems };
}

/** A value written for a new YAML key: a scalar as the file would write it, a structure in flow style. */
function renderYaml(value: InsertValue): string {
  return typeof value === 'string' ? yamlScalarText(value) : renderJson(value);
}

export function wrapYaml(text: string, lines: LineIndex, node: unknown): TreeNode {
  const span = spanOf(node as never, { start: 0, end: 0 });
  if (isMap(node)) {
    const templated = templatedText(text, node);
    if (templated !== undefined) return { type: 'scalar', span: { start: span.start, end: span.start + templated.length }, value: templated };
    return wrapMap(text, lines, node, span);
  }
  if (isSeq(node)) {
    const array: TreeArray = {
      type: 'array',
      span,
      items: node.items.map((item) => wrapYaml(text, lines, item)),
      append: (item) => appendItem(text, lines, node, item),
    };
    return array;
  }
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { type: 'scalar', span, value };
  }
  // Aliases and other nodes are not followed: nothing to lint in them.
  return { type: 'scalar', span, value: null };
}

function wrapMap(text: string, lines: LineIndex, map: YAMLMap, span: Span): TreeObject {
  const entries: TreeEntry[] = [];
  const byKey = new Map<string, TreeEntry>();
  for (const pair of map.items as Pair[]) {
    const key = keyOf(pair);
    if (key === undefined) continue;
    const entry: TreeEntry = {
      key,
      keySpan: spanOf(pair.key as never, span),
      value: pair.value == null ? undefined : wrapYaml(text, lines, pair.value),
      field: () => fieldValueOfPair(text, pair)!,
    };
    entries.push(entry);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  return {
    type: 'object',
    span,
    entries,
    get: (key) => byKey.get(key),
    insert: (key, value, beforeKey) => insertPairText(text, lines, map, key, renderYaml(value), beforeKey),
  };
}

/** A new `- key: value` item after the last one of a block sequence, at the same indentation. */
function appendItem(text: string, lines: LineIndex, seq: YAMLSeq, item: { [key: string]: string }): TextEdit | undefined {
  if (seq.flow || seq.items.length === 0) return undefined;
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] | null };
  if (!last?.range) return undefined;
  // The dash of the last item: the first non-blank character of its line, when that is "-".
  const line = lines.positionAt(last.range[0]).line;
  const lineStart = lines.lineStart(line);
  const dash = /^( *)- +/.exec(text.slice(lineStart, last.range[0]));
  if (!dash || dash[0].length !== last.range[0] - lineStart) return undefined;
  const keyIndent = ' '.repeat(dash[0].length);
  const body = Object.entries(item).map(([k, v], i) => `${i === 0 ? dash[0] : keyIndent}${k}: ${yamlScalarText(v)}`);
  return insertLineAfter(text, lines, last.range[1], body.join(lines.eol));
}
