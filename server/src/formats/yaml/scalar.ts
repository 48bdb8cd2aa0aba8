import { Scalar } from 'yaml';
import type { CST } from 'yaml';
import { ProseBuilder, ProseSink, ProseText } from '../../model/prose';

/**
 * Decodes a YAML scalar's source into its value while recording where every decoded character
 * came from, following the YAML 1.2 rules for line folding, quoting, escapes and block scalars.
 * The result is checked against the value the `yaml` package decoded; when they disagree the
 * mapping is marked inexact rather than guessed. `builder` is what the decoders fill; tests pass
 * one that keeps a span per character, to check the runs a ProseBuilder keeps against it.
 */
export function proseOfScalar(text: string, node: Scalar, builder: ProseSink = new ProseBuilder(text)): ProseText | undefined {
  if (typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value;
  const nodeSpan = { start: node.range[0], end: node.range[1] };
  const token = node.srcToken as CST.Token | undefined;
  if (!token) return ProseText.inexact(value, nodeSpan);

  let encode: (s: string) => string | undefined;
  let emptyAt: number | undefined; // inside the quotes of an empty quoted scalar
  const source = 'source' in token ? String(token.source) : '';
  switch (token.type) {
    case 'scalar':
      decodeFlow(text, token.offset, token.offset + source.length, 'plain', builder);
      encode = encodePlain;
      break;
    case 'single-quoted-scalar':
      decodeFlow(text, token.offset + 1, token.offset + source.length - 1, 'single', builder);
      encode = encodeSingleQuoted;
      emptyAt = token.offset + 1;
      break;
    case 'double-quoted-scalar':
      decodeFlow(text, token.offset + 1, token.offset + source.length - 1, 'double', builder);
      encode = encodeDoubleQuoted;
      emptyAt = token.offset + 1;
      break;
    case 'block-scalar': {
      const props = token.props as CST.SourceToken[];
      const header = props.find((p) => p.type === 'block-scalar-header');
      const last = props[props.length - 1];
      if (!header || !last) return ProseText.inexact(value, nodeSpan);
      const bodyStart = last.offset + last.source.length;
      decodeBlock(text, bodyStart, bodyStart + source.length, header.source, token.indent, builder);
      encode = encodeBlockLine;
      break;
    }
    default:
      return ProseText.inexact(value, nodeSpan);
  }
  if (!reconcile(builder, value)) return ProseText.inexact(value, nodeSpan);
  return builder.build(nodeSpan, encode, emptyAt);
}

/** Trailing line breaks depend on chomping and on what follows; take them from the parser. */
function reconcile(builder: ProseSink, value: string): boolean {
  if (builder.text === value) return true;
  const decoded = builder.text;
  if (decoded.startsWith(value) && /^\n*$/.test(decoded.slice(value.length))) {
    builder.truncate(value.length);
    return true;
  }
  if (value.startsWith(decoded) && /^\n*$/.test(value.slice(decoded.length)) && decoded.length > 0) {
    const end = builder.lastEnd;
    builder.push(value.slice(decoded.length), end, end);
    return true;
  }
  return false;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const QUOTE = 39;

const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

function breakEnd(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i + 1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r',
  e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Flow scalars (plain and quoted): a single line break between text folds to a space, each
 * empty line becomes "\n", and white space around line breaks is dropped.
 */
function decodeFlow(text: string, start: number, end: number, kind: 'plain' | 'single' | 'double', out: ProseSink): void {
  let i = start;
  let trailingBlankFrom = -1; // where in the output an unescaped run of blanks began

  // After a line break: empty lines each give "\n"; returns the offset of the next content.
  const foldBreaks = (firstBreak: { start: number; end: number } | undefined): number => {
    const empties: { start: number; end: number }[] = [];
    let j = i;
    for (;;) {
      let k = j;
      while (k < end && isBlank(text[k])) k++;
      if (k < end && isBreak(text[k])) {
        const e = breakEnd(text, k);
        empties.push({ start: k, end: e });
        j = e;
        continue;
      }
      j = k;
      break;
    }
    if (empties.length === 0) {
      if (firstBreak) out.push(' ', firstBreak.start, firstBreak.end);
    } else {
      for (const e of empties) out.push('\n', e.start, e.end);
    }
    return j;
  };

  while (i < end) {
    const c = text[i];
    if (isBreak(c)) {
      if (trailingBlankFrom >= 0) out.truncate(trailingBlankFrom);
      trailingBlankFrom = -1;
      const brk = { start: i, end: breakEnd(text, i) };
      i = brk.end;
      i = foldBreaks(brk);
      continue;
    }
    if (kind === 'double' && c === '\\') {
      const next = text[i + 1];
      trailingBlankFrom = -1;
      if (isBreak(next)) {
        // An escaped line break joins the lines with nothing between them.
        i = breakEnd(text, i + 1);
        i = foldBreaks(undefined);
        continue;
      }
      const hexLength = HEX_ESCAPE_LENGTH[next];
      if (hexLength) {
        const hex = text.slice(i + 2, i + 2 + hexLength);
        out.push(String.fromCodePoint(parseInt(hex, 16)), i, i + 2 + hexLength);
        i += 2 + hexLength;
      } else {
        out.push(SIMPLE_ESCAPES[next] ?? next, i, i + 2);
        i += 2;
      }
      continue;
    }
    if (kind === 'single' && c === "'" && text[i + 1] === "'") {
      out.push("'", i, i + 2);
      trailingBlankFrom = -1;
      i += 2;
      continue;
    }
    // A run of characters that decode as themselves, up to the next that may not. A quote that
    // starts the run was seen above not to be doubled, so it is a character like any other.
    let j = i;
    for (; j < end; j++) {
      const code = text.charCodeAt(j);
      if (code === LF || code === CR || (code === BACKSLASH && kind === 'double') || (code === QUOTE && kind === 'single' && j > i)) break;
      if (code === SPACE || code === TAB) {
        if (trailingBlankFrom < 0) trailingBlankFrom = out.length + (j - i);
      } else {
        trailingBlankFrom = -1;
      }
    }
    out.pushSource(i, j);
    i = j;
  }
}

interface BlockLine {
  start: number; // first character of the line
  contentEnd: number; // before the line break
  breakEnd: number; // after the line break
}

/** Literal (`|`) and folded (`>`) block scalars; chomping is reconciled with the parser afterwards. */
function decodeBlock(text: string, start: number, end: number, header: string, parentIndent: number, out: ProseSink): void {
  const folded = header.startsWith('>');
  const explicit = /[1-9]/.exec(header);
  const lines: BlockLine[] = [];
  for (let i = start; i < end; ) {
    let j = i;
    while (j < end && !isBreak(text[j])) j++;
    const be = j < end ? breakEnd(text, j) : j;
    lines.push({ start: i, contentEnd: j, breakEnd: be });
    i = be;
  }
  const leadingSpaces = (l: BlockLine) => {
    let k = l.start;
    while (k < l.contentEnd && text[k] === ' ') k++;
    return k - l.start;
  };
  const isEmpty = (l: BlockLine) => {
    for (let k = l.start; k < l.contentEnd; k++) if (!isBlank(text[k])) return false;
    return true;
  };
  let indent: number;
  if (explicit) {
    indent = Math.max(parentIndent, 0) + Number(explicit[0]);
  } else {
    const first = lines.find((l) => !isEmpty(l));
    indent = first ? leadingSpaces(first) : 0;
  }

  type Kind = 'none' | 'text' | 'more';
  let previous: Kind = 'none';
  let pendingBreak: { start: number; end: number } | undefined;
  let empties: { start: number; end: number }[] = [];
  for (const line of lines) {
    const lineBreak = { start: line.contentEnd, end: line.breakEnd };
    if (isEmpty(line) && line.contentEnd - line.start <= indent) {
      if (previous === 'none') out.push('\n', lineBreak.start, lineBreak.end);
      else empties.push(lineBreak);
      continue;
    }
    const contentStart = line.start + Math.min(indent, line.contentEnd - line.start);
    const kind: Kind = isBlank(text[contentStart]) ? 'more' : 'text';
    if (previous !== 'none' && pendingBreak) {
      if (folded && previous === 'text' && kind === 'text') {
        if (empties.length === 0) out.push(' ', pendingBreak.start, pendingBreak.end);
      } else {
        out.push('\n', pendingBreak.start, pendingBreak.end);
      }
      for (const e of empties) out.push('\n', e.start, e.end);
    }
    out.pushSource(contentStart, line.contentEnd);
    previous = kind;
    pendingBreak = lineBreak;
    empties = [];
  }
  if (pendingBreak && pendingBreak.end > pendingBreak.start) out.push('\n', pendingBreak.start, pendingBreak.end);
  for (const e of empties) out.push('\n', e.start, e.end);
}

/** A plain scalar cannot hold a line break, ": " or " #" without changing how it parses. */
function encodePlain(s: string): string | undefined {
  if (/[\r\n]|: |:$| #|^[\s#&*!|>'"%@`{}[\],?:-]|\s$/.test(s) && s !== '') return undefined;
  return s;
}

function encodeDoubleQuoted(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** How a scalar is written in the source, for decoding it without the parser's tokens. */
export type FlowStyle = 'plain' | 'single' | 'double';

/**
 * A flow scalar's prose from its source alone: `start`/`end` span the scalar as written, quotes
 * included. For callers that read the text themselves (yaml/block-reader.ts) and so have no token.
 */
export function proseOfFlowSource(text: string, style: FlowStyle, start: number, end: number): ProseText {
  const builder = new ProseBuilder(text);
  const quoted = style !== 'plain';
  decodeFlow(text, quoted ? start + 1 : start, quoted ? end - 1 : end, style, builder);
  const encode = style === 'plain' ? encodePlain : style === 'double' ? encodeDoubleQuoted : encodeSingleQuoted;
  return builder.build({ start, end }, encode, quoted ? start + 1 : undefined);
}

/**
 * Whether the flow scalar written at [start, end) (quotes included) decodes to exactly its source
 * between the quotes: on one line, without escapes or doubled quotes. Then verbatimFlowProse
 * gives the prose proseOfFlowSource would, from the value alone.
 */
export function isVerbatimFlow(text: string, style: FlowStyle, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return false;
    if (i > start && i < end - 1 && ((style === 'single' && c === QUOTE) || (style === 'double' && c === BACKSLASH))) return false;
  }
  return true;
}

/** proseOfFlowSource for a scalar isVerbatimFlow accepts, whose decoded text is `value`. */
export function verbatimFlowProse(value: string, style: FlowStyle, start: number, end: number): ProseText {
  const quoted = style !== 'plain';
  const from = quoted ? start + 1 : start;
  // As ProseBuilder keeps it: one run of copied characters is its source start; no characters, 0.
  const map = value.length > 0 ? from : 0;
  const encode = style === 'plain' ? encodePlain : style === 'double' ? encodeDoubleQuoted : encodeSingleQuoted;
  return new ProseText(value, map, { start, end }, encode, true, quoted ? from : undefined);
}

/**
 * A block scalar's prose from its source alone, chomping it as its header says (`-` strips the
 * final line breaks, `+` keeps them all, otherwise one is kept). `header` is the indicator text
 * (`|`, `>-`, `|2`), the body runs from `bodyStart` to `bodyEnd`, and `parentIndent` is the
 * indentation of the collection holding the scalar.
 */
export function proseOfBlockSource(text: string, header: string, bodyStart: number, bodyEnd: number, parentIndent: number, nodeSpan: { start: number; end: number }): ProseText {
  const builder = new ProseBuilder(text);
  decodeBlock(text, bodyStart, bodyEnd, header, parentIndent, builder);
  const decoded = builder.text;
  let content = decoded.length;
  while (content > 0 && decoded[content - 1] === '\n') content--;
  if (header.includes('-')) builder.truncate(content);
  else if (!header.includes('+')) {
    if (decoded.length > content) builder.truncate(content + 1);
    else if (content > 0) {
      // The last line ends the text without a line break; the value still ends with one.
      const end = builder.lastEnd;
      builder.push('\n', end, end);
    }
  } else if (content > 0 && decoded.length === content) {
    const end = builder.lastEnd;
    builder.push('\n', end, end);
  }
  return builder.build(nodeSpan, encodeBlockLine);
}

function encodeSingleQuoted(s: string): string | undefined {
  return /[\r\n]/.test(s) ? undefined : s.replace(/'/g, "''");
}

function encodeBlockLine(s: string): string | undefined {
  return /[\r\n]/.test(s) ? undefined : s;
}
