import { FieldValue } from '../../model/dataset';
import { ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { InsertValue, TreeArray, TreeEntry, TreeNode, TreeObject, TreeScalar } from '../tree';
import { appendAfter, insertProperty, renderJson } from './edits';
import { proseOfJsonString } from './document';
import { verbatimProse } from './prose';
import { JsonTape, Kind, Slot } from './scan';

/**
 * The tree of a strict JSON text, made from its tape (see scan.ts) as it is walked: an object's
 * entries and an array's items exist once asked for, a string's prose once a rule reads it. A
 * catalog's adapter never looks inside `distribution`, so those are never built.
 */
export class JsonDocument {
  constructor(
    readonly text: string,
    private readonly tape: JsonTape,
    private readonly lineIndex: () => LineIndex,
  ) {}

  get lines(): LineIndex {
    return this.lineIndex();
  }

  root(): TreeNode | undefined {
    return this.tape.root < 0 ? undefined : this.node(this.tape.root);
  }

  kind(index: number): Kind {
    return this.tape.slots[index * Slot.Size + Slot.Kind];
  }

  start(index: number): number {
    return this.tape.slots[index * Slot.Size + Slot.Start];
  }

  end(index: number): number {
    return this.tape.slots[index * Slot.Size + Slot.End];
  }

  next(index: number): number {
    return this.tape.slots[index * Slot.Size + Slot.Next];
  }

  /** Whether the key (a string) at `index` is `key`: compared in place in the text when it has no escapes. */
  keyIs(index: number, key: string): boolean {
    const start = this.start(index);
    if (this.kind(index) !== Kind.String) return this.scalar(index) === key;
    return this.end(index) - start - 2 === key.length && this.text.startsWith(key, start + 1);
  }

  span(index: number): Span {
    const at = index * Slot.Size;
    return { start: this.tape.slots[at + Slot.Start], end: this.tape.slots[at + Slot.End] };
  }

  node(index: number): TreeNode {
    switch (this.kind(index)) {
      case Kind.Object:
        return new JsonObject(this, index);
      case Kind.Array:
        return new JsonArray(this, index);
      default:
        return { type: 'scalar', span: this.span(index), value: this.scalar(index) } satisfies TreeScalar;
    }
  }

  scalar(index: number): string | number | boolean | null {
    const start = this.start(index);
    const end = this.end(index);
    switch (this.kind(index)) {
      case Kind.String:
        return this.text.slice(start + 1, end - 1);
      case Kind.EscapedString:
        return JSON.parse(this.text.slice(start, end)) as string;
      case Kind.Number:
        return Number(this.text.slice(start, end));
      case Kind.True:
        return true;
      case Kind.False:
        return false;
      default:
        return null;
    }
  }

  /**
   * The array at `index` as a field's value: its scalars but null, as strings, joined by ", ".
   * Read from the tape, without making the items: a catalog's keywords are thousands of them.
   */
  joinedScalars(index: number): string {
    let joined = '';
    let first = true;
    const end = this.next(index);
    for (let item = index + 1; item < end; item = this.next(item)) {
      const kind = this.kind(item);
      if (kind === Kind.Object || kind === Kind.Array || kind === Kind.Null) continue;
      joined += (first ? '' : ', ') + String(this.scalar(item));
      first = false;
    }
    return joined;
  }

  /** The entry at `keyIndex` and `valueIndex` read as a dataset field. */
  field(keyIndex: number, valueIndex: number): FieldValue {
    const kind = this.kind(valueIndex);
    let value: string | null = null;
    if (kind === Kind.String || kind === Kind.EscapedString || kind === Kind.Number || kind === Kind.True || kind === Kind.False) {
      value = String(this.scalar(valueIndex));
    } else if (kind === Kind.Array) {
      value = this.joinedScalars(valueIndex);
    }
    return new JsonField(this, keyIndex, valueIndex, value);
  }

  /** The decoded string at `index` with its source map, built the first time it is read. */
  prose(index: number, value: string): ProseText {
    const span = this.span(index);
    // Rules read each character of prose several times, and through a slice of the file each read
    // costs half as much again as in a string of its own: JSON.parse makes that copy in one pass.
    if (this.kind(index) === Kind.String) return verbatimProse(JSON.parse(this.text.slice(span.start, span.end)) as string, span);
    return proseOfJsonString(this.text, { type: 'string', offset: span.start, length: span.end - span.start, value });
  }
}

/** Objects with up to this many keys are searched key by key. */
const SCANNED_KEYS = 32;
/** What scanFor gives for an object with more. */
const MANY_KEYS = -2;

class JsonObject implements TreeObject {
  readonly type = 'object' as const;
  readonly span: Span;
  private read: JsonEntry[] | undefined;
  private byKey: Map<string, JsonEntry> | undefined;

  constructor(
    private readonly doc: JsonDocument,
    private readonly index: number,
  ) {
    this.span = doc.span(index);
  }

  get entries(): JsonEntry[] {
    if (this.read) return this.read;
    const doc = this.doc;
    const entries: JsonEntry[] = [];
    const end = doc.next(this.index);
    for (let key = this.index + 1; key < end; ) {
      const value = key + 1;
      entries.push(this.found?.find((e) => e.keyIndex === key) ?? new JsonEntry(doc, key, value));
      key = doc.next(value);
    }
    this.found = undefined;
    return (this.read = entries);
  }

  /** Entries made by `get` before all of them were: most objects are only ever asked for a few keys. */
  private found: JsonEntry[] | undefined;

  /**
   * JSON.parse keeps the last of duplicate keys; so do we. Most objects have a few keys, compared
   * in place in the text (an entry is made only for the key found); a large one gets a map, so
   * asking it for each key stays linear.
   */
  get(key: string): TreeEntry | undefined {
    if (!this.read) {
      const doc = this.doc;
      const last = this.scanFor(key);
      if (last !== MANY_KEYS) {
        if (last < 0) return undefined;
        const found = (this.found ??= []);
        // A plain loop: a catalog asks this of every dataset for every concept.
        for (let i = 0; i < found.length; i++) if (found[i].keyIndex === last) return found[i];
        const entry = new JsonEntry(doc, last, last + 1);
        found.push(entry);
        return entry;
      }
    }
    const entries = this.entries;
    if (entries.length > SCANNED_KEYS) {
      if (!this.byKey) {
        this.byKey = new Map();
        for (const entry of entries) this.byKey.set(entry.key, entry);
      }
      return this.byKey.get(key);
    }
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i].hasKey(key)) return entries[i];
    return undefined;
  }

  /** The index of the last key `key` among the first keys, -1 when none is, or MANY_KEYS past SCANNED_KEYS keys. */
  private scanFor(key: string): number {
    const doc = this.doc;
    const end = doc.next(this.index);
    let last = -1;
    let count = 0;
    for (let k = this.index + 1; k < end && count <= SCANNED_KEYS; k = doc.next(k + 1), count++) if (doc.keyIs(k, key)) last = k;
    return count <= SCANNED_KEYS ? last : MANY_KEYS;
  }

  /** A dataset's field, made without the entry `get` would make and keep: a catalog reads thousands. */
  fieldAt(key: string): FieldValue | undefined {
    if (!this.read) {
      const last = this.scanFor(key);
      if (last !== MANY_KEYS) return last < 0 ? undefined : this.doc.field(last, last + 1);
    }
    return this.get(key)?.field();
  }

  insert(key: string, value: InsertValue, beforeKey?: string): TextEdit | undefined {
    const properties = this.entries.map((e) => ({ start: e.keySpan.start, end: e.valueEnd, key: e.key }));
    return insertProperty(this.doc.text, this.doc.lines, this.span.start, properties, key, value, beforeKey);
  }
}

class JsonArray implements TreeArray {
  readonly type = 'array' as const;
  readonly span: Span;
  private read: TreeNode[] | undefined;

  constructor(
    private readonly doc: JsonDocument,
    private readonly index: number,
  ) {
    this.span = doc.span(index);
  }

  get items(): TreeNode[] {
    if (this.read) return this.read;
    const doc = this.doc;
    const items: TreeNode[] = [];
    const end = doc.next(this.index);
    for (let item = this.index + 1; item < end; item = doc.next(item)) items.push(doc.node(item));
    return (this.read = items);
  }

  append(item: { [key: string]: string }): TextEdit | undefined {
    const items = this.items;
    const last = items.length > 0 ? items[items.length - 1].span : undefined;
    return appendAfter(this.doc.text, this.doc.lines, this.span.start, last, renderJson(item));
  }
}

/** One `"key": value` of an object; its key is read from the text only when asked for. */
class JsonEntry implements TreeEntry {
  private keyRead: string | undefined;
  private keySpanRead: Span | undefined;
  private valueRead: TreeNode | undefined;

  constructor(
    private readonly doc: JsonDocument,
    readonly keyIndex: number,
    private readonly valueIndex: number,
  ) {}

  get key(): string {
    return (this.keyRead ??= this.doc.scalar(this.keyIndex) as string);
  }

  get keySpan(): Span {
    return (this.keySpanRead ??= this.doc.span(this.keyIndex));
  }

  /** Whether this entry's key is `key`, compared in place in the text when it has no escapes. */
  hasKey(key: string): boolean {
    if (this.keyRead !== undefined) return this.keyRead === key;
    return this.doc.kind(this.keyIndex) === Kind.String ? this.doc.keyIs(this.keyIndex, key) : this.key === key;
  }

  get value(): TreeNode {
    return (this.valueRead ??= this.doc.node(this.valueIndex));
  }

  get valueEnd(): number {
    return this.doc.end(this.valueIndex);
  }

  field(): FieldValue {
    return this.doc.field(this.keyIndex, this.valueIndex);
  }
}

/**
 * An entry read as a dataset field, as fieldOfProperty in document.ts reads a property. A class
 * rather than an object of closures: a catalog has tens of thousands of fields, and most never
 * have their prose read or their value replaced.
 */
class JsonField implements FieldValue {
  private proseRead: ProseText | undefined;
  // The key and both spans are made when asked for: most fields are only read for their value.
  private keyRead: string | undefined;
  private keySpanRead: Span | undefined;
  private valueSpanRead: Span | undefined;

  constructor(
    private readonly doc: JsonDocument,
    private readonly keyIndex: number,
    private readonly index: number,
    readonly value: string | null,
  ) {}

  get key(): string {
    return (this.keyRead ??= this.doc.scalar(this.keyIndex) as string);
  }

  get keySpan(): Span {
    return (this.keySpanRead ??= this.doc.span(this.keyIndex));
  }

  get valueSpan(): Span {
    return (this.valueSpanRead ??= this.doc.span(this.index));
  }

  /** Present for a string value; built the first time a rule reads it. */
  get prose(): ProseText | undefined {
    const kind = this.doc.kind(this.index);
    if (kind !== Kind.String && kind !== Kind.EscapedString) return undefined;
    return (this.proseRead ??= this.doc.prose(this.index, this.value!));
  }

  replaceValue(newValue: string): TextEdit | undefined {
    const kind = this.doc.kind(this.index);
    if (kind === Kind.Object || kind === Kind.Array) return undefined;
    return { start: this.valueSpan.start, end: this.valueSpan.end, newText: JSON.stringify(newValue) };
  }
}
