import { Document, isAlias, isMap, isScalar, isSeq, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { renderJson } from '../json/document';
import { InsertValue, ParsedTree, TreeArray, TreeEntry, TreeNode, TreeObject } from '../tree';
import { fieldValueOfPair, insertLineAfter, insertPairText, keyOf, parseYaml, spanOf, templatedText, yamlScalarText } from './document';

/** Parses YAML (first document) into the shared tree, with comments and problems as parseYaml gives them. */
export function parseYamlTree(text: string): ParsedTree {
  const { doc, comments, problems } = parseYaml(text);
  const lines = new LineIndex(text);
  const root = doc?.contents == null ? undefined : wrapYaml(text, lines, doc.contents, { doc, budget: ALIAS_BUDGET });
  return { root, comments, problems };
}

/**
 * How many nodes aliases may bring in, all told. dbt projects share column lists with anchors
 * (`columns: *common`), so aliases are followed; a "billion laughs" file, whose aliases nest to
 * expand exponentially, stops here instead of hanging.
 */
const ALIAS_BUDGET = 100_000;

/** What following aliases needs: the document to resolve them in, and what is left of the budget. */
interface AliasContext {
  doc: Document.Parsed;
  budget: number;
}

/** A value written for a new YAML key: a scalar as the file would write it, a structure in flow style. */
function renderYaml(value: InsertValue): string {
  return typeof value === 'string' ? yamlScalarText(value) : renderJson(value);
}

export function wrapYaml(text: string, lines: LineIndex, node: unknown, aliases?: AliasContext, through: readonly unknown[] = []): TreeNode {
  const span = spanOf(node as never, { start: 0, end: 0 });
  if (isAlias(node) && aliases) {
    // The anchored node, positioned where it is written; a findings' fix edits the anchor, which is
    // what every alias of it reads. An alias inside its own anchor is not followed.
    const target = node.resolve(aliases.doc);
    if (target && !through.includes(target) && aliases.budget > 0) return wrapYaml(text, lines, target, aliases, [...through, target]);
    return { type: 'scalar', span, value: null };
  }
  if (through.length > 0 && aliases && --aliases.budget < 0) return { type: 'scalar', span, value: null };
  if (isMap(node)) {
    const templated = templatedText(text, node);
    if (templated !== undefined) return { type: 'scalar', span: { start: span.start, end: span.start + templated.length }, value: templated };
    return wrapMap(text, lines, node, span, aliases, through);
  }
  if (isSeq(node)) {
    const array: TreeArray = {
      type: 'array',
      span,
      items: node.items.map((item) => wrapYaml(text, lines, item, aliases, through)),
      append: (item) => appendItem(text, lines, node, item),
    };
    return array;
  }
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { type: 'scalar', span, value };
  }
  // Other nodes (an alias past the budget) carry nothing to lint.
  return { type: 'scalar', span, value: null };
}

function wrapMap(text: string, lines: LineIndex, map: YAMLMap, span: Span, aliases: AliasContext | undefined, through: readonly unknown[]): TreeObject {
  const entries: TreeEntry[] = [];
  const byKey = new Map<string, TreeEntry>();
  const merged: TreeObject[] = [];
  for (const pair of map.items as Pair[]) {
    const key = keyOf(pair);
    if (key === undefined) continue;
    const value = pair.value == null ? undefined : wrapYaml(text, lines, pair.value, aliases, through);
    if (key === '<<' && (isAlias(pair.value) || (isSeq(pair.value) && pair.value.items.every(isAlias)))) {
      // A YAML 1.1 merge key, as dbt's loader reads it: `- <<: *base` then the keys that differ.
      merged.push(...(value?.type === 'array' ? value.items : [value]).filter((v): v is TreeObject => v?.type === 'object'));
      continue;
    }
    const entry: TreeEntry = { key, keySpan: spanOf(pair.key as never, span), value, field: () => fieldValueOfPair(text, pair)! };
    entries.push(entry);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  // Keys written in the map win over merged ones, and earlier merge sources over later ones.
  for (const source of merged) {
    for (const entry of source.entries) {
      if (byKey.has(entry.key)) continue;
      entries.push(entry);
      byKey.set(entry.key, entry);
    }
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
