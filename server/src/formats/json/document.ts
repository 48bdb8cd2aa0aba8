import { Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { FieldValue, ReadProblem } from '../../model/dataset';
import { ProseBuilder, ProseSink, ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { ParsedTree, TreeArray, TreeEntry, TreeNode, TreeObject } from '../tree';
import { appendAfter, insertProperty, PropertySpan, renderJson } from './edits';

export { renderJson };

const BACKSLASH = 92;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes a JSON string literal's source while recording where each decoded character came from:
 * `\n` is one character from two source characters, `\u00e9` one from six. A surrogate pair
 * written as two escapes gives two UTF-16 units, each mapped to its own escape.
 */
export function proseOfJsonString(text: string, node: Node, builder: ProseSink = new ProseBuilder(text)): ProseText {
  const nodeSpan = { start: node.offset, end: node.offset + node.length };
  const end = node.offset + node.length - 1;
  for (let i = node.offset + 1; i < end; ) {
    // Characters up to the next escape decode as themselves.
    let plainEnd = i;
    while (plainEnd < end && text.charCodeAt(plainEnd) !== BACKSLASH) plainEnd++;
    builder.pushSource(i, plainEnd);
    i = plainEnd;
    if (i >= end) break;
    const next = text[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      builder.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else if (next !== undefined && next in SIMPLE_ESCAPES) {
      builder.push(SIMPLE_ESCAPES[next], i, i + 2);
      i += 2;
    } else {
      // An invalid escape (already reported as a syntax problem): no exact map to offer.
      return ProseText.inexact(String(node.value ?? ''), nodeSpan);
    }
  }
  if (builder.text !== node.value) return ProseText.inexact(String(node.value ?? ''), nodeSpan);
  return builder.build(nodeSpan, encodeJsonString);
}

/** Text for inside a JSON string's quotes; non-ASCII letters stay as they are, as editors write them. */
export function encodeJsonString(value: string): string {
  // Most replacement text needs no escape at all: then it is its own encoding (a fix is made per finding shown).
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value).slice(1, -1) : value;
}

/** What JSON.stringify escapes: a quote, a backslash, a control character, a surrogate (when alone). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function readableError(error: ParseError): string {
  // "PropertyNameExpected" → "property name expected"
  return printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Parses any text as JSON with exact offsets for every node. Syntax errors are reported; what
 * parsed is still read. Adapters call readJson (read.ts), which reads strict JSON faster and
 * comes here for everything else. `lines` is the file's line index, made here when not given.
 */
export function parseJson(text: string, lines = new LineIndex(text)): ParsedTree {
  const errors: ParseError[] = [];
  // jsonc-parser rejects a byte-order mark; a space in its place keeps every offset.
  const root = parseTree(text.replace(/^\ufeff/, ' '), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  // One problem per place: the parser often reports a second, consequential error at the same offset.
  const firstAtOffset = errors.filter((e, i) => errors.findIndex((x) => x.offset === e.offset) === i);
  const problems: ReadProblem[] = firstAtOffset.slice(0, 20).map((e) => ({
    message: `JSON syntax: ${readableError(e)}.`,
    span: { start: e.offset, end: e.offset + e.length },
    severity: 'error' as const,
  }));
  return { root: root ? wrap(text, lines, root) : undefined, comments: [], problems };
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function wrap(text: string, lines: LineIndex, node: Node): TreeNode {
  if (node.type === 'object') return wrapObject(text, lines, node);
  if (node.type === 'array') {
    const items = node.children ?? [];
    const array: TreeArray = {
      type: 'array',
      span: spanOf(node),
      items: items.map((child) => wrap(text, lines, child)),
      append: (item) => appendAfter(text, lines, node.offset, items.length > 0 ? spanOf(items[items.length - 1]) : undefined, renderJson(item)),
    };
    return array;
  }
  return { type: 'scalar', span: spanOf(node), value: node.type === 'null' ? null : (node.value as string | number | boolean) };
}

function wrapObject(text: string, lines: LineIndex, node: Node): TreeObject {
  const entries: TreeEntry[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const value = valueNode ? wrap(text, lines, valueNode) : undefined;
    entries.push({
      key: keyNode.value,
      keySpan: spanOf(keyNode),
      value,
      field: () => fieldOfProperty(text, keyNode, valueNode, value),
    });
  }
  const byKey = new Map<string, TreeEntry>();
  // JSON.parse keeps the last of duplicate keys; so do we.
  for (const entry of entries) byKey.set(entry.key, entry);
  const properties = (): PropertySpan[] => (node.children ?? []).map((p) => ({ ...spanOf(p), key: p.children?.[0]?.value }));
  return {
    type: 'object',
    span: spanOf(node),
    entries,
    get: (key) => byKey.get(key),
    insert: (key, value, beforeKey) => insertProperty(text, lines, node.offset, properties(), key, value, beforeKey),
  };
}

function fieldOfProperty(text: string, keyNode: Node, valueNode: Node | undefined, value: TreeNode | undefined): FieldValue {
  const keySpan = spanOf(keyNode);
  let decoded: string | null = null;
  let prose: ProseText | undefined;
  if (valueNode?.type === 'string') {
    decoded = valueNode.value as string;
    prose = proseOfJsonString(text, valueNode);
  } else if (valueNode && (valueNode.type === 'number' || valueNode.type === 'boolean')) {
    decoded = String(valueNode.value);
  } else if (value?.type === 'array') {
    decoded = value.items.filter((i) => i.type === 'scalar' && i.value !== null).map((i) => String((i as { value: unknown }).value)).join(', ');
  }
  const valueSpan = valueNode ? spanOf(valueNode) : { start: keySpan.end, end: keySpan.end };
  const replaceValue = (newValue: string): TextEdit | undefined => {
    if (!valueNode || valueNode.type === 'object' || valueNode.type === 'array') return undefined;
    return { start: valueSpan.start, end: valueSpan.end, newText: JSON.stringify(newValue) };
  };
  return { key: keyNode.value as string, keySpan, valueSpan, value: decoded, prose, replaceValue };
}
