import { ProseBuilder, ProseText } from '../../model/prose';
import { Span } from '../../model/text';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the JSON string literal at `nodeSpan` (quotes included) while recording where each
 * decoded character came from: `\n` is one character from two source characters, `\u00e9` one
 * from six. A surrogate pair written as two escapes gives two UTF-16 units, each mapped to its own
 * escape. `value` is what the parser decoded; when the map does not give the same text, or an
 * escape is invalid (already reported as a syntax problem), there is no exact map to offer.
 */
export function proseOfString(text: string, nodeSpan: Span, value: unknown): ProseText {
  const builder = new ProseBuilder();
  const end = nodeSpan.end - 1;
  for (let i = nodeSpan.start + 1; i < end; ) {
    if (text[i] !== '\\') {
      builder.push(text[i], i, i + 1);
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      builder.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else if (next !== undefined && next in SIMPLE_ESCAPES) {
      builder.push(SIMPLE_ESCAPES[next], i, i + 2);
      i += 2;
    } else {
      return ProseText.inexact(String(value ?? ''), nodeSpan);
    }
  }
  if (builder.text !== value) return ProseText.inexact(String(value ?? ''), nodeSpan);
  return builder.build(nodeSpan, encodeJsonString);
}

/**
 * The prose of a string literal without escapes, `value` being the text between its quotes:
 * exactly what proseOfString gives for it, without decoding character by character. Character i
 * comes from the source character i after the opening quote, so every such string shares one map
 * (0, 1, 2, …) placed by ProseText's offset. Kept here so it can become a single run of the map
 * once ProseText stores maps as runs.
 */
export function verbatimProse(value: string, nodeSpan: Span): ProseText {
  const first = nodeSpan.start + 1;
  if (value.length > SHARED_MAP_LENGTH) {
    const starts = new Array<number>(value.length);
    const ends = new Array<number>(value.length);
    for (let i = 0; i < value.length; i++) {
      starts[i] = first + i;
      ends[i] = first + i + 1;
    }
    return new ProseText(value, starts, ends, nodeSpan, encodeJsonString);
  }
  return new ProseText(value, SHARED_STARTS, SHARED_ENDS, nodeSpan, encodeJsonString, true, undefined, first);
}

/** Strings up to this long (nearly every title and description) share the map below. */
const SHARED_MAP_LENGTH = 4096;
const SHARED_STARTS: readonly number[] = Array.from({ length: SHARED_MAP_LENGTH }, (_, i) => i);
const SHARED_ENDS: readonly number[] = Array.from({ length: SHARED_MAP_LENGTH }, (_, i) => i + 1);

/** Text for inside a JSON string's quotes; non-ASCII letters stay as they are, as editors write them. */
export function encodeJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
