import { Column, ColumnConcept, FieldValue, ReadProblem } from '../model/dataset';
import { Span, TextEdit } from '../model/text';
import { Inserter, isArray, isObject, TreeEntry, TreeNode, TreeObject } from './tree';

/**
 * Where each concept may be found in an object: key paths ("contactPoint.hasEmail"), tried in
 * order; the first one present wins. A path is used for one concept only, so in a column with
 * `id` and `name`, `id` is the name and `name` the title.
 */
export type FieldSpec<C extends string> = Partial<Record<C, readonly string[]>>;

export function readFields<C extends string>(object: TreeObject, spec: FieldSpec<C>): Partial<Record<C, FieldValue>> {
  const out: Partial<Record<C, FieldValue>> = {};
  // A catalog asks this of thousands of objects: no allocation per path beyond what is found.
  const used: string[] = [];
  for (const concept in spec) {
    for (const path of spec[concept]!) {
      if (used.includes(path)) continue;
      const field = fieldAtPath(object, keysOf(path));
      if (!field) continue;
      out[concept] = field;
      used.push(path);
      break;
    }
  }
  return out;
}

/** "contactPoint.hasEmail" → ["contactPoint", "hasEmail"], split once per path. */
function keysOf(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (!keys) splitPaths.set(path, (keys = path.split('.')));
  return keys;
}

const splitPaths = new Map<string, readonly string[]>();

/** The field at a path of keys: all but the last name objects, the last names the field. */
function fieldAtPath(object: TreeObject, keys: readonly string[]): FieldValue | undefined {
  let parent: TreeObject = object;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = parent.get(keys[i])?.value;
    if (!isObject(next)) return undefined;
    parent = next;
  }
  const key = keys[keys.length - 1];
  return parent.fieldAt ? parent.fieldAt(key) : parent.get(key)?.field();
}

/** The key to write when inserting a concept: its first spelling, when that is a plain key. */
export function keyFor<C extends string>(spec: FieldSpec<C>, concept: C): string {
  const first = spec[concept]?.[0];
  return first && !first.includes('.') ? first : concept;
}

export const COLUMN_ORDER: readonly ColumnConcept[] = ['name', 'title', 'description', 'type'];

/** One column from an object: its fields by the spec, inserted fields written under the spec's first key. */
export function readColumn(object: TreeObject, spec: FieldSpec<ColumnConcept>): Column {
  return new ReadColumn(readFields(object, orderedSpec(spec)), object.span, insertOf(object), spec);
}

/** The spec with its concepts in COLUMN_ORDER, made once per spec: a dictionary asks for it per column. */
function orderedSpec(spec: FieldSpec<ColumnConcept>): FieldSpec<ColumnConcept> {
  let ordered = orderedSpecs.get(spec);
  if (!ordered) {
    ordered = {};
    for (const concept of COLUMN_ORDER) if (spec[concept]) ordered[concept] = spec[concept];
    orderedSpecs.set(spec, ordered);
  }
  return ordered;
}

const orderedSpecs = new WeakMap<FieldSpec<ColumnConcept>, FieldSpec<ColumnConcept>>();

/**
 * A column as read: one object, with its span kept as offsets and insertField a method, rather
 * than an object and a closure more per column.
 */
class ReadColumn implements Column {
  private readonly start: number;
  private readonly end: number;

  constructor(
    readonly fields: Column['fields'],
    span: Span,
    private readonly inserter: Inserter,
    private readonly spec: FieldSpec<ColumnConcept>,
  ) {
    this.start = span.start;
    this.end = span.end;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  insertField(concept: ColumnConcept, value: string): TextEdit | undefined {
    return this.inserter.insert(keyFor(this.spec, concept), value);
  }
}

/** Columns read while the file was read, by the node that stands for each in the tree (see columnNode). */
const readEarly = new WeakMap<TreeObject, Column>();
const NO_ENTRIES: TreeEntry[] = [];

/**
 * Reads an object's column at once and gives the node to keep in the tree in its place: its span
 * and insert, and nothing of its entries, so the object's own tree can go (see ItemReader in
 * yaml/block-reader.ts). readColumns takes the column read here.
 */
export function columnNode(object: TreeObject, spec: FieldSpec<ColumnConcept>): TreeObject {
  const column = readColumn(object, spec);
  const inserter = insertOf(object);
  const insert: TreeObject['insert'] = (key, value, beforeKey) => inserter.insert(key, value, beforeKey);
  const node: TreeObject = { type: 'object', span: object.span, entries: NO_ENTRIES, get: () => undefined, insert, inserter: () => inserter };
  readEarly.set(node, column);
  return node;
}

/**
 * An object's insert, to keep after reading: the tree's own when it has one that keeps nothing of
 * the tree (then a model that keeps this lets the tree go), else one that calls the object.
 */
export function insertOf(object: TreeObject): Inserter {
  return object.inserter?.() ?? { insert: (key, value, beforeKey) => object.insert(key, value, beforeKey) };
}

/**
 * Columns from a list of objects. A missing list is `[]` with no problem (the place for columns
 * is there, empty); a list item that is not an object is reported and skipped.
 */
export interface ColumnListMessages {
  notList: string;
  notObject: string;
}

export function readColumns(node: TreeNode | undefined, spec: FieldSpec<ColumnConcept>, problems: ReadProblem[], messages: ColumnListMessages): Column[] {
  if (node === undefined || (node.type === 'scalar' && node.value === null)) return [];
  if (!isArray(node)) {
    problems.push({ message: messages.notList, span: node.span, severity: 'error' });
    return [];
  }
  const columns: Column[] = [];
  for (const item of node.items) {
    if (!isObject(item)) {
      problems.push({ message: messages.notObject, span: item.span, severity: 'warning' });
      continue;
    }
    columns.push(readEarly.get(item) ?? readColumn(item, spec));
  }
  return columns;
}

/** Adds a column entry (name and description) to a list of column objects. */
export function appendColumn(list: TreeNode | undefined, name: string, description: string, nameKey = 'name'): TextEdit | undefined {
  if (!isArray(list)) return undefined;
  return list.append({ [nameKey]: name, description });
}

/** Where findings about an object as a whole go: its first key, or its start. */
export function anchorOf(object: TreeObject, preferred: readonly string[] = []): Span {
  for (const key of preferred) {
    const entry = object.get(key);
    if (entry) return entry.keySpan;
  }
  const first: TreeEntry | undefined = object.entries[0];
  return first ? first.keySpan : { start: object.span.start, end: Math.min(object.span.end, object.span.start + 1) };
}
