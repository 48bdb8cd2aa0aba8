import { Composer, isMap, isSeq, Parser, YAMLMap } from 'yaml';
import type { CST } from 'yaml';
import { Comment } from '../../model/dataset';
import { collectComments, forEachToken } from './document';

/**
 * Reads one item of a block sequence on its own: `text.slice(start, end)` must be exactly one
 * `- key: value` entry (from the start of its dash's line to the start of the next item's line).
 * Offsets in the result are offsets into `text`, as if the whole file had been parsed. Undefined
 * when the slice is anything else, holds a syntax error, or uses YAML whose meaning depends on the
 * rest of the file (anchors, aliases, tags, directives, tabs): then the caller parses everything.
 */
export function parseSequenceItem(text: string, start: number, end: number): { map: YAMLMap; comments: Comment[] } | undefined {
  const slice = text.slice(start, end);
  if (/[&*!%\t]|^(?:---|\.\.\.)/m.test(slice)) return undefined;
  const tokens = Array.from(new Parser().parse(slice));
  if (tokens.length !== 1 || tokens[0].type !== 'document') return undefined;
  const value = tokens[0].value;
  if (value?.type !== 'block-seq' || value.items.length !== 1) return undefined;
  moveTokens(tokens[0], start);
  const comments: Comment[] = [];
  collectComments(tokens[0], comments);
  const composer = new Composer({ keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  const docs = Array.from(composer.compose(tokens, true, end));
  if (docs.length !== 1 || docs[0].errors.length > 0 || docs[0].warnings.length > 0) return undefined;
  const seq = docs[0].contents;
  if (!isSeq(seq) || seq.items.length !== 1 || !isMap(seq.items[0])) return undefined;
  return { map: seq.items[0], comments };
}

/** Adds `delta` to the offset of every CST token under `token`. */
function moveTokens(token: CST.Document, delta: number): void {
  forEachToken(token, (t) => {
    if (typeof t.offset === 'number') t.offset += delta;
    return true;
  });
}
