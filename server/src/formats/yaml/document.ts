import { Composer, Document, isMap, isScalar, isSeq, Pair, Parser, Scalar, visit, YAMLMap } from 'yaml';
import type { CST } from 'yaml';
import { Comment, FieldValue, ReadProblem } from '../../model/dataset';
import { ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { renderJson } from '../json/edits';
import { InsertValue } from '../tree';
import { proseOfScalar } from './scalar';

export interface ParsedYaml {
  /** The first document of the stream; later ones are reported, not linted. */
  doc: Document.Parsed | undefined;
  comments: Comment[];
  problems: ReadProblem[];
}

/** Parses once into CST tokens, composes documents from them, and collects comments on the way. */
export function parseYaml(text: string): ParsedYaml {
  const tokens = Array.from(new Parser().parse(text));
  const comments: Comment[] = [];
  for (const token of tokens) collectComments(token, comments);
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep !== undefined) {
    // The yaml package composes recursively; past a depth its stack runs out, and V8 may then
    // abort the whole process instead of throwing. No metadata nests anywhere near this deep.
    const message = `YAML syntax: lists or mappings are nested more than ${MAX_NESTING} deep; plainmeta does not read files like this.`;
    return { doc: undefined, comments, problems: [{ message, span: { start: tooDeep, end: tooDeep + 1 }, severity: 'error' }] };
  }
  // The yaml package's own duplicate-key check compares each key with every earlier one, which is
  // quadratic in a mapping's size; duplicateKeys does the same check with a set.
  const composer = new Composer({ keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const problems: ReadProblem[] = [];
  const doc = docs[0];
  if (doc) {
    const syntax = [];
    // The yaml package can place an error one past the end of the text (an unexpected end); keep it inside.
    const inside = (offset: number) => Math.max(0, Math.min(offset, text.length));
    const errors = [...doc.errors.map((e) => ({ message: e.message, pos: [e.pos[0], e.pos[1]] })), ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0]);
    for (const error of errors) {
      const span = { start: inside(error.pos[0]), end: inside(error.pos[1]) };
      if (inTemplatedValue(text, span.start)) problems.push({ message: TEMPLATED_VALUE, span, severity: 'warning' });
      else syntax.push({ error, span });
    }
    if (syntax.length > 0) {
      // Later syntax errors mostly follow from the first ("[[[[…" gives one per bracket), so one
      // finding at the first, saying how many more there are.
      const [{ error, span }] = syntax;
      const more = syntax.length - 1;
      const suffix = more ? ` (and ${more} more syntax error${more === 1 ? '' : 's'} after it)` : '';
      problems.push({ message: `YAML syntax: ${firstLine(error.message)}${suffix}`, span, severity: 'error' });
    }
  }
  // Aliases are expanded, within a budget and with their own findings, where the tree is read (yaml/tree.ts).
  if (docs.length > 1) {
    const second = docs[1].range?.[0] ?? 0;
    problems.push({
      message: `This file holds ${docs.length} YAML documents; only the first is checked. Keep one dataset per file.`,
      span: { start: second, end: second },
      severity: 'warning',
    });
  }
  return { doc, comments, problems };
}

const MAX_NESTING = 100;

/**
 * How far aliases may expand when a document is turned into plain data: the yaml package's
 * default, stated here so that no caller expands without a bound.
 */
export const MAX_ALIAS_COUNT = 100;

/** Keys repeated in one mapping, each reported where it repeats, as the yaml package words it. */
function duplicateKeys(doc: Document): Array<{ message: string; pos: number[] }> {
  const out: Array<{ message: string; pos: number[] }> = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        // Only scalar keys can repeat: the yaml package compares other keys by identity.
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = `${typeof pair.key.value}:${String(pair.key.value)}`;
        // Placed on the key's first character, where the yaml package places it.
        if (seen.has(key)) out.push({ message: 'Map keys must be unique', pos: [pair.key.range[0], pair.key.range[0] + 1] });
        seen.add(key);
      }
    },
  });
  return out;
}

/**
 * A document as plain data, expanding aliases only up to MAX_ALIAS_COUNT; call it on documents
 * from parseYaml, which has already refused files nested too deep for the recursive conversion.
 */
export function yamlData(doc: Document): { data: unknown } | { problem: string } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** The offset of the first collection nested deeper than MAX_NESTING, found without recursion. */
function firstTooDeep(tokens: CST.Token[]): number | undefined {
  const stack: Array<{ token: CST.Token | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push({ token: token.value, depth });
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING) return token.offset;
      for (const item of token.items) {
        if ('key' in item) stack.push({ token: item.key ?? undefined, depth: depth + 1 });
        stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

const TEMPLATED_VALUE = 'This value starts with templating ("{{ … }}"), which YAML reads as a mapping; quote it so the file stays valid YAML. The rest of the file is still checked.';

/** Whether the error is on a line whose value starts with `{{`, as in unquoted Jinja templates. */
function inTemplatedValue(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const lineEnd = text.slice(offset).search(/[\r\n]|$/) + offset;
  return /^\s*(?:-\s+)?[^\s:#][^:#]*:\s+\{\{/.test(text.slice(lineStart, lineEnd));
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Calls `visit` on every CST token under `root`; it returns false to skip a token's children.
 * Tokens hang in many slots (start, sep, end, items, …). Iterative, so a deeply nested file
 * ("[[[[…") cannot overflow the stack.
 */
export function forEachToken(root: unknown, visit: (token: Record<string, unknown>) => boolean): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const token = stack.pop();
    if (!token || typeof token !== 'object') continue;
    if (Array.isArray(token)) {
      stack.push(...token);
      continue;
    }
    const t = token as Record<string, unknown>;
    if (!visit(t)) continue;
    for (const key of ['start', 'sep', 'end', 'items', 'key', 'value', 'props']) {
      if (key in t) stack.push(t[key]);
    }
  }
}

/** Every comment under `root`, sorted because directives read in order. */
export function collectComments(root: unknown, out: Comment[]): void {
  const found: Comment[] = [];
  forEachToken(root, (t) => {
    if (t.type !== 'comment' || typeof t.source !== 'string' || typeof t.offset !== 'number') return true;
    found.push({ text: t.source, span: { start: t.offset, end: t.offset + t.source.length } });
    return false;
  });
  out.push(...found.sort((a, b) => a.span.start - b.span.start));
}

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value != null ? String(pair.key.value) : undefined;
}

export function spanOf(node: { range?: [number, number, number] | null } | null | undefined, fallback: Span): Span {
  return node?.range ? { start: node.range[0], end: node.range[1] } : fallback;
}

/** A YAML scalar written as the file would write it: plain when that is safe, quoted otherwise. */
export function yamlScalarText(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).trimEnd();
}

/** A value written for a new YAML key: a scalar as the file would write it, a structure in flow style. */
export function renderYaml(value: InsertValue): string {
  return typeof value === 'string' ? yamlScalarText(value) : renderJson(value);
}

export function fieldValueOfPair(text: string, pair: Pair): FieldValue | undefined {
  const key = keyOf(pair);
  if (key === undefined || !isScalar(pair.key)) return undefined;
  const keySpan = spanOf(pair.key, { start: 0, end: 0 });
  const node = pair.value;
  let value: string | null = null;
  let prose: ProseText | undefined;
  if (isScalar(node)) {
    if (typeof node.value === 'string') {
      value = node.value;
      prose = proseOfScalar(text, node as Scalar<string>);
    } else if (node.value != null) {
      // As written: "1.0" or a 20-digit number, not JavaScript's reading of it.
      const token = node.srcToken as CST.Token | undefined;
      value = token?.type === 'scalar' ? token.source : String(node.value);
    }
  } else if (isSeq(node)) {
    const items = node.items.filter(isScalar).map((s) => String(s.value ?? ''));
    value = items.join(', ');
  } else {
    value = templatedText(text, node) ?? null;
  }
  // `key:` with nothing after it but perhaps a comment: the parser gives an empty scalar placed
  // at the comment, so the value goes right after the colon instead, with a space.
  const absent = !node || (isScalar(node) && node.value == null && !!node.range && node.range[0] === node.range[1]);
  const valueSpan = !absent && (node as Scalar).range ? spanOf(node as Scalar, keySpan) : { start: keySpan.end + 1, end: keySpan.end + 1 };
  // A block scalar's range takes in its final line break; a finding ends before it.
  while (valueSpan.end > valueSpan.start && (text[valueSpan.end - 1] === '\n' || text[valueSpan.end - 1] === '\r')) valueSpan.end--;
  if (absent) {
    const colon = text.indexOf(':', keySpan.end);
    const at = colon >= 0 ? colon + 1 : keySpan.end;
    valueSpan.start = valueSpan.end = at;
  }
  const header = blockScalarHeader(node);
  const collection = isMap(node) || isSeq(node);
  const replaceValue = (newValue: string) => replacementOf(newValue, { prose, header, collection, absent, valueSpan });
  return { key, keySpan, valueSpan, value, prose, replaceValue };
}

/** What replacing a value depends on: its prose, its block header, whether it is a collection or absent. */
export interface ValueShape {
  prose: ProseText | undefined;
  /** A block scalar's header (`|`, `>-`); undefined for any other value. */
  header: Span | undefined;
  collection: boolean;
  absent: boolean;
  valueSpan: Span;
}

/** The edit replacing a whole value with `newValue`, kept in the value's style when it can be. */
export function replacementOf(newValue: string, { prose, header, collection, absent, valueSpan }: ValueShape): TextEdit | undefined {
  // A block scalar's value ends with the line breaks after its last line; they hold the next
  // key on its own line, so a replacement stops before them.
  const block = header !== undefined;
  const contentLength = prose && block ? prose.text.replace(/\n+$/, '').length : prose?.text.length;
  const viaProse = prose && contentLength !== undefined && (!block || contentLength > 0) ? prose.replace(0, contentLength, newValue) : undefined;
  if (viaProse) return viaProse;
  if (collection) return undefined;
  const prefix = absent ? ' ' : '';
  // An empty block scalar runs over the blank lines after its header; replace only the header
  // (`|`, `>-`) so those lines and any comment stay where they are.
  const span = header ?? valueSpan;
  return { start: span.start, end: span.end, newText: prefix + yamlScalarText(newValue) };
}

function blockScalarHeader(node: unknown): Span | undefined {
  const token = isScalar(node) ? (node.srcToken as CST.Token | undefined) : undefined;
  if (token?.type !== 'block-scalar') return undefined;
  const header = token.props.find((p) => p.type === 'block-scalar-header');
  return header && 'source' in header ? { start: header.offset, end: header.offset + header.source.length } : undefined;
}

/**
 * An edit inserting `key: value` into a block mapping, on its own line at the mapping's
 * indentation: before the pair named `beforeKey` when there is one, otherwise after the last pair.
 */
export function insertPair(text: string, lines: LineIndex, map: YAMLMap, key: string, value: string, beforeKey?: string): TextEdit | undefined {
  return insertPairText(text, lines, map, key, yamlScalarText(value), beforeKey);
}

/** As insertPair, with the value already written as YAML (a flow collection, for example). */
export function insertPairText(text: string, lines: LineIndex, map: YAMLMap, key: string, valueText: string, beforeKey?: string): TextEdit | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  const first = map.items[0].key as Scalar | null;
  if (!first?.range) return undefined;
  const before = beforeKey ? map.items.find((p) => keyOf(p) === beforeKey) : undefined;
  const beforeStart = (before?.key as Scalar | undefined)?.range?.[0];
  const last = map.items[map.items.length - 1];
  const lastNode = (last.value ?? last.key) as Scalar | null;
  const end = lastNode?.range ? lastNode.range[1] : map.range?.[1];
  return insertKeyLine(text, lines, { firstKey: first.range[0], beforeKey: beforeStart, end }, key, valueText);
}

/**
 * The edit for insertPairText, from a block mapping's offsets: its first key, the key to insert
 * before (if any) and the end of its last value.
 */
export function insertKeyLine(text: string, lines: LineIndex, at: { firstKey: number; beforeKey?: number; end?: number }, key: string, valueText: string): TextEdit | undefined {
  // A byte-order mark before the first key is not indentation (files from the CLI have it stripped; an editor may not).
  const indent = text.slice(lines.lineStart(lines.positionAt(at.firstKey).line), at.firstKey).replace(/^\ufeff/, '').length;
  const line = `${' '.repeat(indent)}${key}: ${valueText}`;
  const eol = lines.eol;
  if (at.beforeKey !== undefined) {
    const position = lines.positionAt(at.beforeKey);
    // Only when the key starts its own line; `- columns:` in a sequence item would not.
    if (position.character === indent && /^\s*$/.test(text.slice(lines.lineStart(position.line), at.beforeKey))) {
      const start = lines.lineStart(position.line);
      return { start, end: start, newText: line + eol };
    }
  }
  if (at.end === undefined) return undefined;
  return insertLineAfter(text, lines, at.end, line);
}

/** An edit adding `line` (without its line break) on the line after the one holding `end`. */
export function insertLineAfter(text: string, lines: LineIndex, end: number, line: string): TextEdit {
  const eol = lines.eol;
  if (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) return { start: end, end, newText: line + eol };
  const endLine = lines.positionAt(end).line;
  if (endLine + 1 < lines.lineCount) {
    const at = lines.lineStart(endLine + 1);
    return { start: at, end: at, newText: line + eol };
  }
  return { start: text.length, end: text.length, newText: eol + line + (text.length ? '' : eol) };
}

/**
 * `title: {{ dataset_title }}` is a template, not a mapping, though YAML reads it as a flow
 * mapping: its text up to the end of the line (the value once rendered), or undefined.
 */
export function templatedText(text: string, node: unknown): string | undefined {
  if (!isMap(node) || !node.flow || !node.range) return undefined;
  const start = node.range[0];
  if (!text.startsWith('{{', start)) return undefined;
  const lineEnd = text.slice(start).search(/\r?\n|\r|$/);
  return text.slice(start, start + lineEnd).replace(/\s+#.*$/, '').trimEnd();
}

/** appendItem, from the span of the sequence's last item. */
export function appendItemAt(text: string, lines: LineIndex, last: Span, item: { [key: string]: string }): TextEdit | undefined {
  // The dash of the last item: the first non-blank character of its line, when that is "-".
  const line = lines.positionAt(last.start).line;
  const lineStart = lines.lineStart(line);
  const dash = /^( *)- +/.exec(text.slice(lineStart, last.start));
  if (!dash || dash[0].length !== last.start - lineStart) return undefined;
  const keyIndent = ' '.repeat(dash[0].length);
  const body = Object.entries(item).map(([k, v], i) => `${i === 0 ? dash[0] : keyIndent}${k}: ${yamlScalarText(v)}`);
  return insertLineAfter(text, lines, last.end, body.join(lines.eol));
}
