import { LineIndex, Span, TextEdit } from '../../model/text';
import { InsertValue } from '../tree';

/** A value written inline as JSON, spaced the way people write it: `{"name": "X"}`. */
export function renderJson(value: InsertValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(renderJson).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}

/** One `"key": value` of an object: from its key's opening quote to its value's end. */
export interface PropertySpan extends Span {
  key: unknown;
}

/** The whitespace a line starts with, and whether `offset` is the first thing on its line. */
function lineLead(text: string, lines: LineIndex, offset: number): { indent: string; first: boolean } {
  const start = lines.lineStart(lines.positionAt(offset).line);
  const before = text.slice(start, offset);
  const indent = /^[ \t]*/.exec(before)![0];
  return { indent, first: indent.length === before.length };
}

/**
 * `"key": value` as a new property of the object opening at `open`: before `beforeKey` when
 * present, otherwise after the last property; on its own line at the indentation of its neighbour
 * when that one starts a line.
 */
export function insertProperty(
  text: string,
  lines: LineIndex,
  open: number,
  properties: readonly PropertySpan[],
  key: string,
  value: InsertValue,
  beforeKey?: string,
): TextEdit | undefined {
  const property = `${JSON.stringify(key)}: ${renderJson(value)}`;
  if (properties.length === 0) return { start: open + 1, end: open + 1, newText: property };
  const before = beforeKey ? properties.find((p) => p.key === beforeKey) : undefined;
  if (before) {
    const lead = lineLead(text, lines, before.start);
    const separator = lead.first ? `,${lines.eol}${lead.indent}` : ', ';
    return { start: before.start, end: before.start, newText: property + separator };
  }
  return appendAfter(text, lines, open, properties[properties.length - 1], property);
}

/** Adds `item` after `last`, the last child of the object or array opening at `open`, separated the way that child is. */
export function appendAfter(text: string, lines: LineIndex, open: number, last: Span | undefined, item: string): TextEdit | undefined {
  if (!last) return { start: open + 1, end: open + 1, newText: item };
  const lead = lineLead(text, lines, last.start);
  const separator = lead.first ? `,${lines.eol}${lead.indent}` : ', ';
  return { start: last.end, end: last.end, newText: separator + item };
}
