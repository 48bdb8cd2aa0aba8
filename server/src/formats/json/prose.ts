import { ProseText } from '../../model/prose';
import { Span } from '../../model/text';
import { encodeJsonString } from './document';

/**
 * The prose of a string literal without escapes, `value` being the text between its quotes:
 * exactly what proseOfJsonString gives for it, without decoding character by character.
 * Character i comes from the source character i after the opening quote, so every such string
 * shares one map (0, 1, 2, …) placed by ProseText's offset. Once ProseText stores its map as runs,
 * this is one verbatim run starting at `nodeSpan.start + 1`.
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
