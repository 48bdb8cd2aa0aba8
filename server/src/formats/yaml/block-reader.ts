import { Document } from 'yaml';
import { Comment, FieldValue } from '../../model/dataset';
import { detached, ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { renderJson } from '../json/document';
import { Inserter, InsertValue, ParsedTree, TreeArray, TreeEntry, TreeNode, TreeObject, TreeScalar } from '../tree';
import { finish, READ_STEP_CHARS } from '../steps';
import { appendItemAt, insertKeyLine, renderYaml, replacementOf, yamlScalarText } from './document';
import { FlowStyle, isVerbatimFlow, proseOfBlockSource, proseOfFlowSource, verbatimFlowProse } from './scalar';

/**
 * A reader for the plain block YAML nearly all metadata is written in: block mappings and
 * sequences indented with spaces, plain, quoted and block scalars, comments. It reads the text in
 * one pass straight into the shared tree, without the yaml package's tokens or document, and
 * keeps only offsets in the tree's functions. Anything else (anchors, aliases, tags, flow
 * collections, explicit keys, directives, several documents, tabs, templating, duplicate keys,
 * odd indentation, any syntax error) makes it give up, and the caller reads the file with the
 * yaml package instead, which words the problems. Whatever it accepts it must read exactly as
 * that slower path does, spans and edits included: the differential test holds it to that.
 */
export function readBlockYaml(text: string, lines?: LineIndex, items?: ItemReader): ParsedTree | undefined {
  return finish(readBlockYamlInSteps(text, lines, items));
}

/**
 * As readBlockYaml, in steps: it yields how many characters it has read so far each time it has
 * read at least `stepChars` more (tests choose fewer, to pause in small files). It pauses only
 * between the entries of the top-level collection and between the items of a collection right
 * under it (a dictionary's columns, a catalog's datasets); whatever is nested deeper is read in
 * one go. Where it pauses depends on the text alone, never on time.
 */
export function* readBlockYamlInSteps(text: string, lines?: LineIndex, items?: ItemReader, stepChars = READ_STEP_CHARS): Generator<number, ParsedTree | undefined> {
  if (!plausible(text, 0, text.length)) return undefined;
  try {
    const reader = new BlockReader(text, text.length, lines, items, stepChars);
    const root = yield* reader.documentSteps(0, false);
    if (!root) return { root: undefined, comments: reader.comments, problems: [] };
    return { root, comments: reader.comments, problems: [], followsAliases: false };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
 * Turns each item of one top-level block list into what the caller keeps of it, as soon as the
 * item is read: `read` gets the items of the block sequence under the top-level key `key`, and
 * what it returns takes the item's place in the tree. A dictionary's columns are thousands of
 * small trees; read all at once, they would all be alive at the end of the read beside the
 * model made of them, while one at a time each is dropped young. `read` may be called for a
 * text the reader then gives up on (see readBlockYaml): what it made is then to be ignored.
 */
export interface ItemReader {
  key: string;
  read(item: TreeNode): TreeNode;
}

/**
 * Reads one `- key: value` item of a block sequence on its own, as parseSequenceItem does:
 * `text.slice(start, end)` runs from the start of the item's dash line to the start of the next
 * item's line, and offsets are offsets into `text`. Undefined when the fast reader cannot read it.
 */
export function readSequenceItem(text: string, start: number, end: number, lines?: LineIndex): { node: TreeObject; comments: Comment[] } | undefined {
  if (!plausible(text, start, end)) return undefined;
  try {
    const reader = new BlockReader(text, end, lines);
    const root = finish(reader.documentSteps(start, true));
    if (root?.type !== 'array' || root.items.length !== 1 || root.items[0].type !== 'object') return undefined;
    return { node: root.items[0], comments: reader.comments };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** Thrown wherever the text leaves the subset; caught at the top and turned into undefined. */
class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

/**
 * Quick refusals before reading: a lone carriage return, a byte-order mark after the start, and a
 * tab anywhere it could be indentation or separate tokens (next to white space, a line break, an
 * indicator or a comment). A tab between two other characters is a character like any other.
 */
function plausible(text: string, start: number, end: number): boolean {
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  // Searching for each character first is much faster than one regular expression over a large file.
  if (part.indexOf('\ufeff', 1) >= 0) return false;
  if (part.includes('\r') && /\r(?!\n)/.test(part)) return false;
  return !(part.includes('\t') && /(?:^|[ \t\r\n:?,[\]{}|>#-])\t|\t(?:$|[ \t\r\n#,[\]{}:])/.test(part));
}

/** A line with content (not blank, not a comment). */
interface Line {
  start: number;
  /** Spaces before the content. */
  indent: number;
  /** Offset of the first character of content. */
  content: number;
  /** Offset of the end of the line, before its line break. */
  end: number;
}

/** A blank or comment line between two content lines. */
interface Trivia {
  /** Indentation of the comment; -1 for a blank line. */
  comment: number;
  /** The start of the next line. */
  next: number;
}

/** What reading a value found: the node, where yaml's composer ends it, and what follows. */
interface Read {
  node: TreeNode;
  /** yaml's range[1]: the node's span end. */
  end: number;
  /** yaml's range[2]: where the parent collection carries on from. */
  after: number;
  /** A flow scalar whose line ends after it: yaml lets indented comments below join its end. */
  attachable: boolean;
  /** Blank and comment lines after the value, before `next`. */
  trivia: Trivia[];
  /** The next content line, or undefined at the end of the text. */
  next: Line | undefined;
  /** For a pair's field(): how the value is written. */
  shape: ValueShape;
}

type ValueShape =
  | { kind: 'empty' }
  | { kind: 'scalar'; style: 'plain'; typed: boolean }
  | { kind: 'scalar'; style: 'single' | 'double' }
  /** The prose decoded while reading the tree, kept so that field() does not decode it again. */
  | { kind: 'block'; header: Span; prose: ProseText }
  | { kind: 'collection' };

// Shared, so that a large file's entries do not each hold a copy.
const EMPTY: ValueShape = { kind: 'empty' };
const COLLECTION: ValueShape = { kind: 'collection' };
const PLAIN_TEXT: ValueShape = { kind: 'scalar', style: 'plain', typed: false };
const PLAIN_TYPED: ValueShape = { kind: 'scalar', style: 'plain', typed: true };
const SINGLE_QUOTED: ValueShape = { kind: 'scalar', style: 'single' };
const DOUBLE_QUOTED: ValueShape = { kind: 'scalar', style: 'double' };

/** The core schema's scalar types, as the composer tries them on plain scalars, in its order. */
const CORE_TAGS = (new Document().schema as unknown as { tags: Array<{ default?: unknown; test?: RegExp; resolve: (s: string, e: () => void, o: object) => unknown }> }).tags.filter(
  (tag) => tag.default === true && tag.test,
);

/** A plain scalar's value as yaml@2 resolves it with the core schema. */
function resolvePlain(source: string): string | number | boolean | null {
  // Only these first characters can start a null, boolean or number.
  if (source.length > 0 && !/[-+.0-9~nNtTfF]/.test(source[0])) return source;
  for (const tag of CORE_TAGS) {
    if (!tag.test!.test(source)) continue;
    const resolved = tag.resolve(source, unsupported, { intAsBigInt: false });
    const value = resolved !== null && typeof resolved === 'object' && 'value' in resolved ? (resolved as { value: unknown }).value : resolved;
    if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
    unsupported();
  }
  return source;
}

/** The escapes in double quotes that this reader decodes as yaml does (`\U` and others are left to yaml). */
const DOUBLE_QUOTED_ESCAPE = /^\\(?:[0abtnvfre "/\\N_LP]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/;

/** Characters that give a plain scalar's first character another meaning. */
const INDICATOR = /[-?:,[\]{}#&*!|>'"%@`]/;

/** How deep collections may nest here; the reader recurses, and no metadata comes near this. */
const MAX_DEPTH = 64;

class BlockReader {
  readonly comments: Comment[] = [];
  private lineIndex: LineIndex | undefined;
  /** How many collections are open. */
  private depth = 0;
  /** Where the stepped read last paused (see readBlockYamlInSteps). */
  private pausedAt = 0;

  constructor(
    private readonly text: string,
    /** Where reading stops, as if the text ended there. */
    private readonly limit: number,
    lines: LineIndex | undefined,
    private readonly items?: ItemReader,
    /** How many characters the stepped read reads at least between two pauses. */
    private readonly stepChars = READ_STEP_CHARS,
  ) {
    this.lineIndex = lines;
  }

  /** The file's line index, made when an edit first asks for it. */
  private get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  *documentSteps(start: number, item: boolean): Generator<number, TreeNode | undefined> {
    const text = this.text;
    let at = start;
    let marked = false;
    if (!item) {
      if (text.charCodeAt(0) === 0xfeff) {
        // yaml reads a sequence or indentation right after a byte-order mark its own way.
        if (text[1] === ' ' || text[1] === '-') unsupported();
        at = 1;
      }
      if (text.startsWith('---', at) && this.isBreakOrSpaceOrEnd(at + 3)) {
        const rest = this.lineOf(at);
        const after = this.skipSpaces(at + 3, rest.end);
        if (after < rest.end) {
          if (text[after] !== '#' || text[after - 1] !== ' ') unsupported();
          this.comment(after, rest.end);
        }
        at = this.nextLineStart(rest.end);
        marked = true;
      }
    }
    const { next } = this.skipTrivia(at);
    // After "---" yaml reads an empty document as an empty value, not as no document.
    if (!next && marked) unsupported();
    if (!next) return undefined;
    if (item ? !this.isSeqLine(next) : next.indent !== 0) unsupported();
    const read = yield* this.collectionSteps(next, -1, false);
    if (read.next) unsupported();
    return read.node;
  }

  // ---- Lines -------------------------------------------------------------------------------

  private isBreakOrSpaceOrEnd(i: number): boolean {
    const c = this.text[i];
    return i >= this.limit || c === ' ' || c === '\n' || c === '\r';
  }

  /** The end of the line holding `i`, before its line break. */
  private lineEndFrom(i: number): number {
    let j = this.text.indexOf('\n', i);
    if (j < 0 || j > this.limit) j = this.limit;
    if (j > i && this.text[j - 1] === '\r') j--;
    return j;
  }

  private nextLineStart(lineEnd: number): number {
    if (lineEnd >= this.limit) return this.limit;
    return this.text[lineEnd] === '\r' ? lineEnd + 2 : lineEnd + 1;
  }

  private skipSpaces(i: number, end: number): number {
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  private lineOf(start: number): Line {
    const end = this.lineEndFrom(start);
    const content = this.skipSpaces(start, end);
    return { start, indent: content - start, content, end };
  }

  private comment(start: number, end: number): void {
    this.comments.push({ text: this.text.slice(start, end), span: { start, end } });
  }

  /** Skips blank and comment lines from the line starting at `at`; returns them and the next content line. */
  private skipTrivia(at: number): { trivia: Trivia[]; next: Line | undefined } {
    const trivia: Trivia[] = [];
    while (at < this.limit) {
      const line = this.lineOf(at);
      const next = this.nextLineStart(line.end);
      if (line.content === line.end) {
        trivia.push({ comment: -1, next });
      } else if (this.text[line.content] === '#') {
        this.comment(line.content, line.end);
        trivia.push({ comment: line.indent, next });
      } else {
        if (line.indent === 0) {
          const c = this.text[line.start];
          // Directives, document markers: another document or a stream this reader does not read.
          if (c === '%' || ((this.text.startsWith('---', line.start) || this.text.startsWith('...', line.start)) && this.isBreakOrSpaceOrEnd(line.start + 3))) unsupported();
        }
        return { trivia, next: line };
      }
      at = next;
    }
    return { trivia, next: undefined };
  }

  private isSeqLine(line: Line): boolean {
    return this.text[line.content] === '-' && this.isBreakOrSpaceOrEnd(line.content + 1) && line.content + 1 <= line.end;
  }

  /**
   * Where a plain key at `p` ends and its colon is, or undefined when the line holds no
   * `key:` there (a plain scalar, or something this reader does not read).
   */
  private keyAt(p: number, end: number): { keyEnd: number; colon: number } | undefined {
    const text = this.text;
    if (INDICATOR.test(text[p])) return undefined;
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === end || text.charCodeAt(i + 1) === 32)) {
        let keyEnd = i;
        while (text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
        return { keyEnd, colon: i };
      }
      if (c === 32 && text.charCodeAt(i + 1) === 35 /* # */) return undefined;
    }
    return undefined;
  }

  // ---- Collections ------------------------------------------------------------------------

  /**
   * A block collection starting on `line`. `parentIndent` is the indentation of the collection
   * holding it; `sameIndentSeq` allows a sequence at its parent key's indentation.
   */
  private *collectionSteps(line: Line, parentIndent: number, sameIndentSeq: boolean, readItem?: ItemReader['read']): Generator<number, Read> {
    if (this.isSeqLine(line)) return yield* this.seqSteps(line, sameIndentSeq, readItem);
    if (line.indent <= parentIndent) unsupported();
    return yield* this.mapSteps(line, line.content);
  }

  /**
   * Pauses a stepped read after the entry or item that ended at `at`, when that is in a collection
   * no deeper than two and `stepChars` were read since the last pause.
   */
  private pauseAt(at: number): boolean {
    if (this.depth > 2 || at - this.pausedAt < this.stepChars) return false;
    this.pausedAt = at;
    return true;
  }

  /** A compact mapping after a sequence item's dash, whose first key is at `first` on `line`: read in one go. */
  private readMap(line: Line, first: number): Read {
    return finish(this.mapSteps(line, first));
  }

  /** A block mapping whose first key is at `first` on `line` (after a dash for a compact mapping). */
  private *mapSteps(line: Line, first: number): Generator<number, Read> {
    const text = this.text;
    if (++this.depth > MAX_DEPTH) unsupported();
    const indent = first - line.start;
    const entries: TreeEntry[] = [];
    const byKey = new Map<string, TreeEntry>();
    let p = first;
    let current = line;
    for (;;) {
      const key = this.keyAt(p, current.end);
      if (!key) unsupported();
      if (key.keyEnd - p > 1000) unsupported();
      const name = keyName(text.slice(p, key.keyEnd));
      if (typeof resolvePlain(name) !== 'string' || byKey.has(name)) unsupported();
      const keySpan = { start: p, end: key.keyEnd };
      // Only under a key of the document's top-level mapping, the one collection read at depth 1.
      const readItem = this.depth === 1 && this.items?.key === name ? this.items.read : undefined;
      const value = this.pairValue(current, key.colon, indent);
      const read = 'node' in value ? value : yield* this.collectionSteps(value, indent, true, readItem);
      const entry: TreeEntry = { key: name, keySpan, value: read.node, field: fieldReader(text, name, keySpan, key.colon, read) };
      entries.push(entry);
      byKey.set(name, entry);
      const { trivia, next } = read;
      if (read.attachable) read.after = attachComments(trivia, indent, read.after);
      if (read.shape.kind === 'empty' && trivia.some((t) => t.comment >= 0)) unsupported();
      if (this.pauseAt(read.after)) yield read.after;
      if (next && next.indent === indent) {
        if (this.isSeqLine(next)) unsupported();
        current = next;
        p = next.content;
        continue;
      }
      if (next && next.indent > indent) unsupported();
      const span = { start: first, end: read.after };
      const node = this.mapNode(span, entries, entries.length > 8 ? byKey : undefined, read.end);
      this.depth--;
      return this.close(node, span.end, indent, trivia, next);
    }
  }

  /**
   * The tree's mapping: its functions keep only offsets, the entries and, for a larger mapping, an
   * index by key (most mappings, a column's entry, have a few keys: looking through them costs
   * less memory than a Map).
   */
  private mapNode(span: Span, entries: TreeEntry[], byKey: Map<string, TreeEntry> | undefined, lastEnd: number): TreeObject {
    const get = byKey ? (k: string) => byKey.get(k) : (k: string) => entries.find((e) => e.key === k);
    const inserter = new KeyLineInserter(this, span.start, lastEnd);
    return { type: 'object', span, entries, get, insert: (k, value, beforeKey) => inserter.insert(k, value, beforeKey), inserter: () => inserter };
  }

  /** The file's text and line index, for edits made after reading. */
  get source(): { text: string; lines: LineIndex } {
    return { text: this.text, lines: this.lines };
  }

  private *seqSteps(line: Line, sameIndentSeq: boolean, readItem?: ItemReader['read']): Generator<number, Read> {
    if (++this.depth > MAX_DEPTH) unsupported();
    const indent = line.indent;
    const items: TreeNode[] = [];
    let current = line;
    let last: Span;
    for (;;) {
      const read = this.readItem(current, indent);
      items.push(readItem ? readItem(read.node) : read.node);
      last = { start: read.node.span.start, end: read.end };
      const { trivia, next } = read;
      if (read.attachable) read.after = attachComments(trivia, indent, read.after);
      if (this.pauseAt(read.after)) yield read.after;
      if (next && next.indent === indent && this.isSeqLine(next)) {
        current = next;
        continue;
      }
      if (next && (next.indent > indent || (next.indent === indent && !sameIndentSeq))) unsupported();
      const span = { start: line.content, end: read.after };
      const text = this.text;
      const lastItem = last;
      const node: TreeArray = {
        type: 'array',
        span,
        items,
        append: (item) => appendItemAt(text, this.lines, lastItem, item),
      };
      this.depth--;
      return this.close(node, span.end, indent, trivia, next);
    }
  }

  /**
   * Ends a collection: comment lines after its last item stay in it (and so extend where its
   * parent carries on from) when the yaml parser keeps them there, else they pass to the parent.
   */
  private close(node: TreeNode, end: number, indent: number, trivia: Trivia[], next: Line | undefined): Read {
    let after = end;
    let passed = trivia;
    if (indent !== 0 && trivia.some((t) => t.comment >= indent)) {
      after = next ? next.content : this.limit;
      passed = [];
    }
    return { node, end, after, attachable: false, trivia: passed, next, shape: COLLECTION };
  }

  // ---- Values ------------------------------------------------------------------------------

  /**
   * The value after a key's colon when it is on the same line or empty; for a collection on the
   * lines below, the line it starts on, for the caller to read (see mapSteps).
   */
  private pairValue(line: Line, colon: number, indent: number): Read | Line {
    const text = this.text;
    const p = this.skipSpaces(colon + 1, line.end);
    if (p === line.end || text[p] === '#') {
      let hasComment = false;
      if (p < line.end) {
        if (p === colon + 1) unsupported();
        this.comment(p, line.end);
        hasComment = true;
      }
      const { trivia, next } = this.skipTrivia(this.nextLineStart(line.end));
      if (next && (next.indent > indent || (next.indent === indent && this.isSeqLine(next)))) {
        return next;
      }
      if (hasComment) unsupported();
      const node: TreeScalar = { type: 'scalar', span: { start: p, end: p }, value: null };
      return { node, end: p, after: p, attachable: false, trivia, next, shape: EMPTY };
    }
    return this.readScalar(line, p, indent);
  }

  /** The value after a sequence item's dash: a compact mapping or a scalar on the same line. */
  private readItem(line: Line, indent: number): Read {
    const p = this.skipSpaces(line.content + 1, line.end);
    if (p === line.end || this.text[p] === '#' || p === line.content + 1) unsupported();
    if (this.text[p] === '-' && this.isBreakOrSpaceOrEnd(p + 1)) unsupported();
    if (this.keyAt(p, line.end)) return this.readMap(line, p);
    return this.readScalar(line, p, indent);
  }

  /** A scalar starting at `p` on `line`, inside a collection indented `indent`. */
  private readScalar(line: Line, p: number, indent: number): Read {
    const c = this.text[p];
    if (c === '|' || c === '>') return this.readBlockScalar(line, p, indent);
    if (c === '"' || c === "'") return this.readQuoted(line, p, indent);
    if (c === '[') return this.readFlowSeq(line, p);
    if (INDICATOR.test(c) && !(c === '-' && /[0-9A-Za-z.]/.test(this.text[p + 1] ?? ''))) unsupported();
    return this.readPlain(line, p, indent);
  }

  /** After a flow scalar or sequence ending at `end` on `line`: spaces, perhaps a comment, the line break. */
  private finishFlow(line: Line, end: number, node: TreeNode, shape: ValueShape): Read {
    const q = this.skipSpaces(end, line.end);
    if (q < line.end) {
      if (this.text[q] !== '#' || q === end) unsupported();
      this.comment(q, line.end);
    }
    const afterLine = this.nextLineStart(line.end);
    const { trivia, next } = this.skipTrivia(afterLine);
    // The value's end tokens (spaces, comment, line break) belong to it, so its parent carries on after them.
    return { node, end, after: afterLine, attachable: afterLine > end, trivia, next, shape };
  }

  private readPlain(line: Line, p: number, indent: number): Read {
    const text = this.text;
    let current = line;
    let end = this.plainLineEnd(p, line.end);
    let multiline = false;
    // Continuation lines: more indented than the collection, not comments.
    if (end === this.trimmedEnd(p, line.end)) {
      let at = this.nextLineStart(line.end);
      while (at < this.limit) {
        const next = this.lineOf(at);
        if (next.content === next.end) {
          at = this.nextLineStart(next.end);
          continue;
        }
        if (next.indent <= indent || text[next.content] === '#') break;
        const lineEnd = this.plainLineEnd(next.content, next.end);
        current = next;
        end = lineEnd;
        multiline = true;
        if (lineEnd !== this.trimmedEnd(next.content, next.end)) break;
        at = this.nextLineStart(next.end);
      }
    }
    const span = { start: p, end };
    let value: string | number | boolean | null;
    if (multiline) {
      value = resolvePlain(proseOfFlowSource(text, 'plain', p, end).decoded);
    } else {
      value = resolvePlain(text.slice(p, end));
    }
    const node: TreeScalar = { type: 'scalar', span, value };
    return this.finishFlow(current, end, node, typeof value === 'string' ? PLAIN_TEXT : PLAIN_TYPED);
  }

  /** Where a plain scalar's text on one line ends (before a comment and trailing spaces). */
  private plainLineEnd(p: number, end: number): number {
    const text = this.text;
    let last = p;
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        if (text.charCodeAt(i + 1) === 35 /* # */) break;
        continue;
      }
      // ": " or a final ":" would make this a key.
      if (c === 58 && (i + 1 === end || text.charCodeAt(i + 1) === 32)) unsupported();
      last = i + 1;
    }
    return last;
  }

  private trimmedEnd(p: number, end: number): number {
    while (end > p && this.text.charCodeAt(end - 1) === 32) end--;
    return end;
  }

  private readQuoted(line: Line, p: number, indent: number): Read {
    const text = this.text;
    const quote = text[p];
    let current = line;
    let i = p + 1;
    for (;;) {
      if (i >= current.end) {
        // The scalar goes on: the next line must be blank or indented more than the collection.
        const at = this.nextLineStart(current.end);
        if (at >= this.limit) unsupported();
        const next = this.lineOf(at);
        if (next.content < next.end && next.indent <= indent) unsupported();
        current = next;
        i = next.start;
        continue;
      }
      const c = text[i];
      if (quote === "'" && c === "'") {
        if (text[i + 1] === "'") {
          i += 2;
          continue;
        }
        break;
      }
      if (quote === '"') {
        if (c === '"') break;
        if (c === '\\') {
          const escape = DOUBLE_QUOTED_ESCAPE.exec(text.slice(i, i + 6));
          if (escape) {
            i += escape[0].length;
            continue;
          }
          if (i + 1 === current.end) {
            // An escaped line break before blank lines folds differently in yaml than in decodeFlow.
            const after = this.nextLineStart(current.end);
            if (after >= this.limit || this.lineOf(after).content === this.lineOf(after).end) unsupported();
            i++;
            continue;
          }
          unsupported();
        }
      }
      i++;
    }
    const end = i + 1;
    const style = quote === '"' ? 'double' : 'single';
    const value = current === line ? quotedLine(text, p, end, style) : undefined;
    const decoded = value ?? proseOfFlowSource(text, style, p, end).decoded;
    const node: TreeScalar = { type: 'scalar', span: { start: p, end }, value: decoded };
    return this.finishFlow(current, end, node, style === 'double' ? DOUBLE_QUOTED : SINGLE_QUOTED);
  }

  /** A flow sequence of plain and quoted scalars on one line: `[a, "b c", 1]`. */
  private readFlowSeq(line: Line, p: number): Read {
    const text = this.text;
    const items: TreeScalar[] = [];
    let i = this.skipSpaces(p + 1, line.end);
    if (text[i] !== ']') {
      for (;;) {
        const item = this.flowItem(i, line.end);
        items.push(item);
        i = this.skipSpaces(item.span.end, line.end);
        if (text[i] === ']') break;
        if (text[i] !== ',') unsupported();
        i = this.skipSpaces(i + 1, line.end);
        // A trailing comma, or an empty item.
        if (text[i] === ']' || text[i] === ',') unsupported();
      }
    }
    const end = i + 1;
    const node: TreeArray = { type: 'array', span: { start: p, end }, items, append: () => undefined };
    return this.finishFlow(line, end, node, COLLECTION);
  }

  /** One item of a flow sequence at `i`, ending before `,`, `]` or the spaces before them. */
  private flowItem(i: number, lineEnd: number): TreeScalar {
    const text = this.text;
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < lineEnd; j++) {
        if (text[j] === '\\' && c === '"') {
          if (!DOUBLE_QUOTED_ESCAPE.test(text.slice(j, j + 6))) unsupported();
          j++;
        } else if (text[j] === c) {
          if (c === "'" && text[j + 1] === "'") j++;
          else break;
        }
      }
      if (j >= lineEnd) unsupported();
      const style = c === '"' ? 'double' : 'single';
      const value = quotedLine(text, i, j + 1, style) ?? proseOfFlowSource(text, style, i, j + 1).decoded;
      return { type: 'scalar', span: { start: i, end: j + 1 }, value };
    }
    if (i >= lineEnd || (INDICATOR.test(c) && !(c === '-' && /[0-9A-Za-z.]/.test(text[i + 1] ?? '')))) unsupported();
    let end = i;
    for (let j = i; j < lineEnd; j++) {
      const d = text[j];
      if (d === ',' || d === ']') break;
      // Keys, comments and nested collections are not read here.
      if (d === ':' || d === '#' || d === '[' || d === '{' || d === '}') unsupported();
      if (d !== ' ') end = j + 1;
    }
    return { type: 'scalar', span: { start: i, end }, value: resolvePlain(text.slice(i, end)) };
  }

  private readBlockScalar(line: Line, p: number, indent: number): Read {
    const text = this.text;
    let h = p + 1;
    while (h < line.end && text[h] !== ' ') h++;
    const header = text.slice(p, h);
    if (!/^[|>](?:[-+]?[1-9]?|[1-9][-+])$/.test(header)) unsupported();
    const explicit = /[1-9]/.exec(header);
    // Explicit indentation counts from the parent's indentation; keep to mappings whose keys start their lines.
    if (explicit && line.content !== line.start + indent) unsupported();
    const q = this.skipSpaces(h, line.end);
    if (q < line.end) {
      if (text[q] !== '#' || q === h) unsupported();
      this.comment(q, line.end);
    }
    if (line.end >= this.limit) unsupported();
    const body = this.nextLineStart(line.end);
    // The first line with content sets the indentation (unless the header does).
    let at = body;
    let first: Line | undefined;
    let widestBlank = 0;
    while (at < this.limit) {
      const l = this.lineOf(at);
      if (l.content < l.end) {
        first = l;
        break;
      }
      widestBlank = Math.max(widestBlank, l.indent);
      at = this.nextLineStart(l.end);
    }
    if (!first || first.indent <= indent) unsupported();
    const contentIndent = explicit ? indent + Number(explicit[0]) : first.indent;
    if (first.indent < contentIndent || widestBlank > contentIndent) unsupported();
    // Lines belong to the scalar while blank or indented at least as far as its content.
    let bodyEnd = this.nextLineStart(first.end);
    let kept = bodyEnd;
    at = bodyEnd;
    while (at < this.limit) {
      const l = this.lineOf(at);
      const next = this.nextLineStart(l.end);
      if (l.content < l.end) {
        if (l.indent < contentIndent) break;
        kept = next;
      } else if (l.indent > first.indent) {
        kept = next;
      }
      bodyEnd = next;
      at = next;
    }
    // Without "+", blank lines at the end that are not indented past the content are not the scalar's.
    if (!header.includes('+')) bodyEnd = kept;
    // Kept blank lines that end the text without a line break count differently in yaml; leave those to it.
    else if (bodyEnd === this.limit && text[bodyEnd - 1] !== '\n') unsupported();
    const span = { start: p, end: bodyEnd };
    const headerSpan = { start: p, end: h };
    const parentIndent = indent;
    const prose = proseOfBlockSource(text, header, body, bodyEnd, parentIndent, span);
    const node: TreeScalar = { type: 'scalar', span, value: prose.decoded };
    const { trivia, next } = this.skipTrivia(bodyEnd);
    return { node, end: bodyEnd, after: bodyEnd, attachable: false, trivia, next, shape: { kind: 'block', header: headerSpan, prose } };
  }
}

/**
 * A mapping's insert, from its keys' offsets only: a column keeps this after reading, and were it
 * to keep the mapping's entries it would keep the whole tree (every entry's value and reader).
 * One object per mapping, as a large dictionary keeps one per column.
 */
class KeyLineInserter implements Inserter {
  constructor(
    private readonly reader: BlockReader,
    private readonly firstKey: number,
    private readonly lastEnd: number,
  ) {}

  insert(key: string, value: InsertValue, beforeKey?: string): TextEdit | undefined {
    const { text, lines } = this.reader.source;
    const before = beforeKey === undefined ? undefined : this.keyLineStart(text, lines, beforeKey);
    return insertKeyLine(text, lines, { firstKey: this.firstKey, beforeKey: before, end: this.lastEnd }, key, renderYaml(value));
  }

  /**
   * Where the mapping's key `key` starts, when it is the first key or starts a line (insertKeyLine
   * inserts before no other), looked for in the text: a dictionary has tens of thousands of
   * mappings, and a list of keys kept for each costs 2.5 MB for 10 MB of text, for an insert before
   * a key that only a dataset's `columns` ever gets. The reader read the lines between the first
   * key and the last value, and those at the first key's indentation are this mapping's keys,
   * comments or the items of a sequence at its key's indentation: values are indented further.
   */
  private keyLineStart(text: string, lines: LineIndex, key: string): number | undefined {
    if (isKeyAt(text, this.firstKey, key)) return this.firstKey;
    const firstLine = lines.positionAt(this.firstKey).line;
    const lineStart = lines.lineStart(firstLine);
    // As insertKeyLine measures it: a byte-order mark before the first key is not indentation.
    const indent = this.firstKey - lineStart - (text.charCodeAt(lineStart) === 0xfeff ? 1 : 0);
    for (let line = firstLine + 1; line < lines.lineCount; line++) {
      const start = lines.lineStart(line);
      if (start >= this.lastEnd) break;
      const at = start + indent;
      if (isKeyAt(text, at, key) && onlySpaces(text, start, at)) return at;
    }
    return undefined;
  }
}

/** Whether the plain key `key` is at `at`: its text, spaces, then a colon ending the line or followed by a space. */
function isKeyAt(text: string, at: number, key: string): boolean {
  if (!text.startsWith(key, at)) return false;
  let i = at + key.length;
  while (text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) !== 58 /* : */) return false;
  const after = text.charCodeAt(i + 1);
  return i + 1 === text.length || after === 32 || after === 10 || after === 13;
}

function onlySpaces(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/**
 * Short keys as one string each, whatever file and entry they come from: a dictionary repeats
 * `name`, `title`, `description` and `type` in every column, and each field keeps its key. A slice
 * this short is a copy of its own, so the strings kept here hold no file's text.
 */
const KEY_NAMES = new Map<string, string>();
const MAX_KEY_NAMES = 1000;

function keyName(key: string): string {
  if (key.length > 12) return key;
  const known = KEY_NAMES.get(key);
  if (known !== undefined) return known;
  if (KEY_NAMES.size < MAX_KEY_NAMES) KEY_NAMES.set(key, key);
  return key;
}

/** A one-line quoted scalar's value without building its prose, or undefined when it has escapes. */
function quotedLine(text: string, start: number, end: number, style: 'single' | 'double'): string | undefined {
  const inner = text.slice(start + 1, end - 1);
  if (style === 'single') return inner.includes("'") ? inner.replace(/''/g, "'") : inner;
  return inner.includes('\\') ? undefined : inner;
}

/**
 * yaml's parser joins comment lines indented past the collection, and the blank lines before
 * them, to the end of the flow scalar before them: the collection then carries on after them.
 */
function attachComments(trivia: Trivia[], indent: number, after: number): number {
  let i = 0;
  while (i < trivia.length) {
    let j = i;
    while (j < trivia.length && trivia[j].comment < 0) j++;
    if (j === trivia.length || trivia[j].comment <= indent) break;
    after = trivia[j].next;
    i = j + 1;
  }
  trivia.splice(0, i);
  return after;
}

/** A pair's field(), from offsets only: it decodes the value again when asked. */
function fieldReader(text: string, key: string, keySpan: Span, colon: number, read: Read): () => FieldValue {
  const { node, shape } = read;
  const end = read.end;
  return () => {
    const span = node.span;
    let value: string | null = null;
    let prose: ProseText | FlowStyle | undefined;
    const absent = shape.kind === 'empty';
    const valueStart = absent ? colon + 1 : span.start;
    let valueEnd = absent ? colon + 1 : end;
    while (valueEnd > valueStart && (text[valueEnd - 1] === '\n' || text[valueEnd - 1] === '\r')) valueEnd--;
    if (shape.kind === 'scalar') {
      if (shape.style === 'plain' && shape.typed) {
        if ((node as TreeScalar).value !== null) value = text.slice(span.start, span.end);
      } else if (isVerbatimFlow(text, shape.style, span.start, span.end)) {
        // Most values (every name and type) are never read as prose: it is made when first asked for.
        prose = shape.style;
        value = detached(shape.style === 'plain' ? text.slice(span.start, span.end) : text.slice(span.start + 1, span.end - 1));
      } else {
        prose = proseOfFlowSource(text, shape.style, span.start, span.end);
        value = prose.decoded;
      }
    } else if (shape.kind === 'block') {
      prose = shape.prose;
      value = prose.decoded;
    } else if (node.type === 'array') {
      value = node.items
        .filter((item): item is TreeScalar => item.type === 'scalar')
        .map((item) => String(item.value ?? ''))
        .join(', ');
    }
    const header = shape.kind === 'block' ? shape.header : undefined;
    const collection = node.type !== 'scalar';
    return new BlockField(key, keySpan.start, valueStart, valueEnd, value, prose, header, collection, absent);
  };
}

/**
 * A field as the reader gives it. A large dictionary has a hundred thousand of them, so each is
 * one object: spans are kept as offsets and made when asked for, the prose of a one-line value
 * that decodes to its own source is made from the value when first asked for, and replaceValue
 * is one method for every field, where a function made per field would cost a closure each and,
 * made inside fieldReader, keep the reader's scope (the tree node and the whole text) for as long
 * as the field lives.
 */
class BlockField implements FieldValue {
  constructor(
    /** As written: a plain key, so its span is as long as the key. */
    readonly key: string,
    private readonly keyStart: number,
    private readonly valueStart: number,
    private readonly valueEnd: number,
    readonly value: string | null,
    /** The value's prose, or the style of a one-line value whose prose is still to be made. */
    private proseOrStyle: ProseText | FlowStyle | undefined,
    private readonly header: Span | undefined,
    private readonly collection: boolean,
    private readonly absent: boolean,
  ) {}

  get keySpan(): Span {
    return { start: this.keyStart, end: this.keyStart + this.key.length };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }

  get prose(): ProseText | undefined {
    if (typeof this.proseOrStyle === 'string') this.proseOrStyle = verbatimFlowProse(this.value!, this.proseOrStyle, this.valueStart, this.valueEnd);
    return this.proseOrStyle;
  }

  replaceValue(newValue: string): TextEdit | undefined {
    return replacementOf(newValue, { prose: this.prose, header: this.header, collection: this.collection, absent: this.absent, valueSpan: this.valueSpan });
  }
}
