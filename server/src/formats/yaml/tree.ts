import { Document, isAlias, isMap, isScalar, isSeq, Pair, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { Alias, Node as YamlNode } from 'yaml';
import { FieldValue, ReadProblem } from '../../model/dataset';
import { ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { renderJson } from '../json/document';
import { InsertValue, ParsedTree, TreeArray, TreeEntry, TreeNode, TreeObject } from '../tree';
import { finish } from '../steps';
import { ItemReader, readBlockYamlInSteps } from './block-reader';
import { appendItemAt, fieldValueOfPair, insertPairText, keyOf, parseYaml, renderYaml, spanOf, templatedText } from './document';

/**
 * How many nodes all alias expansions in one file may produce together. Metadata that shares a
 * list of columns through an alias stays far below it; an "alias bomb" (`*h` expanding to 10^8
 * items through nested aliases) stops here instead of exhausting memory.
 */
export const MAX_ALIAS_NODES = 10_000;
const MAX_ALIAS_DEPTH = 64;

/**
 * Parses YAML (first document) into the shared tree, with comments and problems as parseYaml
 * gives them: through the fast reader for plain block YAML when it accepts the text, which reads
 * it exactly as the yaml package would, otherwise through the yaml package. `items` is given
 * to the fast reader only (see ItemReader): a tree from the yaml package holds every item as read.
 */
export function parseYamlTree(text: string, lines = new LineIndex(text), items?: ItemReader): ParsedTree {
  return finish(parseYamlTreeInSteps(text, lines, items));
}

/**
 * As parseYamlTree, in steps (see readBlockYamlInSteps): yields how many characters it has read.
 * Only the fast reader pauses. When it gives up, the yaml package reads the whole text in one
 * step, however large: its parser and composer do not pause, and what the fast reader does not
 * accept (anchors, flow collections, tags) is rare in metadata.
 */
export function* parseYamlTreeInSteps(text: string, lines = new LineIndex(text), items?: ItemReader): Generator<number, ParsedTree> {
  return (yield* readBlockYamlInSteps(text, lines, items)) ?? composeYamlTree(text, lines);
}

/** parseYamlTree through the yaml package's parser and composer, for any YAML. */
export function composeYamlTree(text: string, lines = new LineIndex(text)): ParsedTree {
  const { doc, comments, problems } = parseYaml(text);
  if (doc?.contents == null) return { root: undefined, comments, problems };
  const aliases = new AliasReader(doc, problems);
  const root = wrapYaml(text, lines, doc.contents, aliases);
  return { root, comments, problems, followsAliases: aliases.followed };
}

/**
 * Resolves aliases to their anchored nodes, within MAX_ALIAS_NODES for the whole file. A value
 * read through an alias is positioned on the alias (`*name`) and offers no edit: an edit there
 * would either replace the alias or change the anchor's text, which other places share.
 */
export class AliasReader {
  /** Anchored nodes by name, in document order: an alias refers to the last one before it. */
  private anchors: Map<string, Array<{ at: number; node: YamlNode }>> | undefined;
  private budget = MAX_ALIAS_NODES;
  private exhausted = false;
  /** The anchored nodes being expanded, outermost first. */
  private readonly active: YamlNode[] = [];
  private readonly circular = new Set<Alias>();
  /** Whether any alias was followed: then a change to one value may change others. */
  followed = false;

  constructor(private readonly doc: Document.Parsed, private readonly problems: ReadProblem[]) {}

  /** Collected on the first alias, so a file without aliases costs nothing more. */
  private anchorsByName(): Map<string, Array<{ at: number; node: YamlNode }>> {
    if (this.anchors) return this.anchors;
    const anchors = new Map<string, Array<{ at: number; node: YamlNode }>>();
    visit(this.doc, (_key, node) => {
      const anchored = node as YamlNode | null;
      if (!anchored?.anchor || !anchored.range) return;
      const list = anchors.get(anchored.anchor) ?? [];
      list.push({ at: anchored.range[0], node: anchored });
      anchors.set(anchored.anchor, list);
    });
    return (this.anchors = anchors);
  }

  /** The node the alias refers to, or undefined (reported) when there is none. */
  target(alias: Alias): YamlNode | undefined {
    const found = this.find(alias);
    if (!found) this.report(alias, `The alias *${alias.source} refers to no anchor (&${alias.source}) before it; plainmeta reads it as empty.`);
    return found;
  }

  find(alias: Alias): YamlNode | undefined {
    const at = alias.range?.[0] ?? 0;
    return (this.anchorsByName().get(alias.source) ?? []).filter((a) => a.at < at).pop()?.node;
  }

  /** Counts one node of an expansion; false once the file's budget is spent. */
  take(): boolean {
    if (this.budget <= 0) return false;
    this.budget--;
    return true;
  }

  /**
   * Expands an alias (whose anchored node is `target`) with `expand`, or undefined when it cannot
   * be: it lies inside the node it refers to, or the file's budget ran out (reported once, on the
   * outermost alias being read).
   */
  expand<T>(alias: Alias, target: YamlNode, expand: () => T): T | undefined {
    if (this.exhausted) return undefined;
    if (this.active.includes(target)) {
      if (!this.circular.has(alias)) this.report(alias, `The alias *${alias.source} is inside the value it refers to, so it never ends; plainmeta reads it as empty.`);
      this.circular.add(alias);
      return undefined;
    }
    // Deep chains of aliases would recurse as deep; they count as too large.
    if (this.active.length >= MAX_ALIAS_DEPTH) this.budget = 0;
    if (this.budget <= 0) return undefined;
    this.followed = true;
    this.active.push(target);
    const result = expand();
    this.active.pop();
    if (this.budget > 0) return result;
    if (this.active.length === 0) {
      this.exhausted = true;
      this.report(alias, `YAML alias expansion too large: *${alias.source} expands to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} values or through more than ${MAX_ALIAS_DEPTH} nested aliases; plainmeta reads it and any later alias as empty.`);
    }
    return undefined;
  }

  private report(alias: Alias, message: string): void {
    this.problems.push({ message, span: spanOf(alias, { start: 0, end: 0 }), severity: 'warning' });
  }
}

/**
 * Wraps a YAML node. `via` is the alias the node was reached through: every span is that alias's
 * and nothing offers an edit. `aliases` is absent when the caller knows there are none.
 */
export function wrapYaml(text: string, lines: LineIndex, node: unknown, aliases?: AliasReader, via?: Span): TreeNode {
  const span = via ?? spanOf(node as never, { start: 0, end: 0 });
  if (via && !aliases?.take()) return { type: 'scalar', span, value: null };
  if (isAlias(node)) {
    const target = aliases?.target(node);
    const wrapped = target && aliases!.expand(node, target, () => wrapYaml(text, lines, target, aliases, span));
    return wrapped ?? { type: 'scalar', span, value: null };
  }
  if (isMap(node)) {
    const templated = templatedText(text, node);
    if (templated !== undefined) return { type: 'scalar', span: via ?? { start: span.start, end: span.start + templated.length }, value: templated };
    return wrapMap(text, lines, node, span, aliases, via);
  }
  if (isSeq(node)) {
    const array: TreeArray = {
      type: 'array',
      span,
      items: node.items.map((item) => wrapYaml(text, lines, item, aliases, via)),
      append: (item) => (via ? undefined : appendItem(text, lines, node, item)),
    };
    return array;
  }
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { type: 'scalar', span, value };
  }
  return { type: 'scalar', span, value: null };
}

function wrapMap(text: string, lines: LineIndex, map: YAMLMap, span: Span, aliases: AliasReader | undefined, via: Span | undefined): TreeObject {
  const entries: TreeEntry[] = [];
  const byKey = new Map<string, TreeEntry>();
  const merged: TreeObject[] = [];
  for (const pair of map.items as Pair[]) {
    const key = keyOf(pair);
    if (key === undefined) continue;
    const value = pair.value == null ? undefined : wrapYaml(text, lines, pair.value, aliases, via);
    if (key === '<<' && (isAlias(pair.value) || (isSeq(pair.value) && pair.value.items.every(isAlias)))) {
      // A YAML 1.1 merge key, as dbt's loader reads it: `- <<: *base` then the keys that differ.
      merged.push(...(value?.type === 'array' ? value.items : [value]).filter((v): v is TreeObject => v?.type === 'object'));
      continue;
    }
    const keySpan = via ?? spanOf(pair.key as never, span);
    const entry: TreeEntry = { key, keySpan, value, field: () => fieldOf(text, pair, value, aliases, via) };
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
    insert: (key, value, beforeKey) => (via ? undefined : insertPairText(text, lines, map, key, renderYaml(value), beforeKey)),
  };
}

/**
 * A pair as a dataset field. Through an alias (the pair's own value, or the map it is in) the
 * value is the anchored node's, every position is the alias and nothing can be replaced.
 */
function fieldOf(text: string, pair: Pair, wrapped: TreeNode | undefined, aliases: AliasReader | undefined, via: Span | undefined): FieldValue {
  const alias = isAlias(pair.value) ? pair.value : undefined;
  if (!alias && !via) return fieldValueOfPair(text, pair)!;
  const expanded = !(wrapped?.type === 'scalar' && wrapped.value === null);
  const target = alias && expanded ? aliases?.find(alias) : undefined;
  const read = alias ? (target ? fieldValueOfPair(text, new Pair(pair.key, target))! : undefined) : fieldValueOfPair(text, pair)!;
  const at = via ?? spanOf(alias, { start: 0, end: 0 });
  return {
    key: keyOf(pair)!,
    keySpan: via ?? spanOf(pair.key as never, at),
    valueSpan: at,
    value: read?.value ?? null,
    prose: read?.prose && ProseText.inexact(read.prose.decoded, at),
    replaceValue: () => undefined,
  };
}

/** A new `- key: value` item after the last one of a block sequence, at the same indentation. */
function appendItem(text: string, lines: LineIndex, seq: YAMLSeq, item: { [key: string]: string }): TextEdit | undefined {
  if (seq.flow || seq.items.length === 0) return undefined;
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] | null };
  if (!last?.range) return undefined;
  return appendItemAt(text, lines, { start: last.range[0], end: last.range[1] }, item);
}
