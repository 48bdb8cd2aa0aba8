import { ProseText } from '../../model/prose';
import { Span } from '../../model/text';
import { encodeJsonString } from './document';

/**
 * The prose of a string literal without escapes, `value` being the text between its quotes:
 * exactly what proseOfJsonString gives for it, without decoding it. Character i comes from the
 * source character i after the opening quote, so its whole map is one verbatim run.
 */
export function verbatimProse(value: string, nodeSpan: Span): ProseText {
  return new ProseText(value, nodeSpan.start + 1, nodeSpan, encodeJsonString);
}
