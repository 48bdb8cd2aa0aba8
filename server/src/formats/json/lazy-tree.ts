import { FieldValue } from '../../model/dataset';
import { ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { InsertValue, TreeArray, TreeEntry, TreeNode, TreeObject, TreeScalar } from '../tree';
import { appendAfter, insertProperty, renderJson } from './edits';
import { proseOfString, verbatimProse } from './prose';
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

  /** The decoded string at `index` with its source map, built the first time it is read. */
  prose(index: number, value: string): ProseText {
    const span = this.span(index);
    return this.kind(index) === Kind.String ? verbatimProse(value, span) : proseOfString(this.text, span, value);
  }
}

class JsonObject implements TreeObject {
  readonly type = 'object' as const;
  readonly span: Span;
  private read: JsonEntry[] | undefined;

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
      entries.push(new JsonEntry(doc, key, value));
      key = doc.next(value);
    }
    return (this.read = entries);
  }

  /** JSON.parse keeps the last of duplicate keys; so do we. Objects are small: a scan beats a Map. */
  get(key: string): TreeEntry | undefined {
    const entries = this.entries;
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
    return undefined;
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

class JsonEntry implements TreeEntry {
  readonly key: string;
  readonly keySpan: Span;
  private built: TreeNode | undefined;

  constructor(
    private readonly doc: JsonDocument,
    keyIndex: number,
    private readonly valueIndex: number,
  ) {
    this.key = doc.scalar(keyIndex) as string;
    this.keySpan = doc.span(keyIndex);
  }

  get value(): TreeNode {
    return (this.built ??= this.doc.node(this.valueIndex));
  }

  get valueEnd(): number {
    return this.doc.end(this.valueIndex);
  }

  /** As fieldOfProperty in document.ts reads a property, without building what it does not need. */
  field(): FieldValue {
    const doc = this.doc;
    const index = this.valueIndex;
    const valueSpan = doc.span(index);
    const kind = doc.kind(index);
    const key = this.key;
    const keySpan = this.keySpan;
    const replaceValue = (newValue: string): TextEdit | undefined =>
      kind === Kind.Object || kind === Kind.Array ? undefined : { start: valueSpan.start, end: valueSpan.end, newText: JSON.stringify(newValue) };
    if (kind === Kind.String || kind === Kind.EscapedString) {
      const value = doc.scalar(index) as string;
      let prose: ProseText | undefined;
      return {
        key,
        keySpan,
        valueSpan,
        value,
        get prose() {
          return (prose ??= doc.prose(index, value));
        },
        replaceValue,
      };
    }
    let value: string | null = null;
    if (kind === Kind.Number || kind === Kind.True || kind === Kind.False) value = String(doc.scalar(index));
    else if (kind === Kind.Array) {
      const items = (this.value as TreeArray).items;
      value = items.filter((i) => i.type === 'scalar' && i.value !== null).map((i) => String((i as TreeScalar).value)).join(', ');
    }
    return { key, keySpan, valueSpan, value, prose: undefined, replaceValue };
  }
}
