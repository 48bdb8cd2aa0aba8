import { Comment, FieldValue, ReadProblem } from '../model/dataset';
import { Span, TextEdit } from '../model/text';

/**
 * A parsed JSON or YAML document seen the same way, so an adapter for a format that comes in both
 * (Data Packages) is written once. Every node knows its source span; objects know how to take a
 * new key and arrays a new item, each written in the file's own syntax and indentation.
 */
export type TreeNode = TreeObject | TreeArray | TreeScalar;

/** What an inserted value may be: text, or a small structure such as a Data Package license. */
export type InsertValue = string | { [key: string]: string } | Array<{ [key: string]: string }>;

export interface TreeObject {
  type: 'object';
  span: Span;
  entries: TreeEntry[];
  get(key: string): TreeEntry | undefined;
  /** `get(key)?.field()`, for a reader that can give the field without making the entry. */
  fieldAt?(key: string): FieldValue | undefined;
  /** Insert `key: value` (before `beforeKey` when it is present), or undefined when it cannot be done safely. */
  insert(key: string, value: InsertValue, beforeKey?: string): TextEdit | undefined;
  /**
   * The same `insert` on an object that keeps nothing of the tree, for a reader whose objects
   * hold much (see insertOf in fields.ts).
   */
  inserter?(): Inserter;
}

/** What a model keeps of an object to insert keys into it later: its `insert`, and nothing of the tree. */
export interface Inserter {
  insert(key: string, value: InsertValue, beforeKey?: string): TextEdit | undefined;
}

export interface TreeArray {
  type: 'array';
  span: Span;
  items: TreeNode[];
  /** Append an object item after the last one, or undefined when it cannot be done safely. */
  append(item: { [key: string]: string }): TextEdit | undefined;
}

export interface TreeScalar {
  type: 'scalar';
  span: Span;
  /** The decoded value; templating such as `{{ var }}` that YAML reads as a mapping is kept as its text. */
  value: string | number | boolean | null;
}

export interface TreeEntry {
  key: string;
  keySpan: Span;
  value: TreeNode | undefined;
  /** This entry as a dataset field: its decoded value, prose map and replacement. */
  field(): FieldValue;
}

export interface ParsedTree {
  root: TreeNode | undefined;
  comments: Comment[];
  problems: ReadProblem[];
  /** Whether a value was read through a YAML alias: then one edit may change several values. */
  followsAliases?: boolean;
}

export function isObject(node: TreeNode | undefined): node is TreeObject {
  return node?.type === 'object';
}

export function isArray(node: TreeNode | undefined): node is TreeArray {
  return node?.type === 'array';
}

/** The node at a path of keys, or undefined when any step is missing or not an object. */
export function nodeAt(node: TreeNode | undefined, ...keys: string[]): TreeNode | undefined {
  let current = node;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current.get(key)?.value;
  }
  return current;
}

/** The first entry of an object among several accepted spellings of one key. */
export function firstEntry(node: TreeObject, keys: readonly string[]): TreeEntry | undefined {
  for (const key of keys) {
    const entry = node.get(key);
    if (entry) return entry;
  }
  return undefined;
}

export function scalarText(node: TreeNode | undefined): string | undefined {
  if (node?.type !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/**
 * A field whose value is computed from a structure (a Data Package's `licenses` list, a
 * `contactPoint` object): positioned on the entry, never replaced in place.
 */
export function derivedField(entry: TreeEntry, value: string | null): FieldValue {
  return {
    key: entry.key,
    keySpan: entry.keySpan,
    valueSpan: entry.value?.span ?? { start: entry.keySpan.end, end: entry.keySpan.end },
    value,
    replaceValue: () => undefined,
  };
}
