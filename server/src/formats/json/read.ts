import { LineIndex } from '../../model/text';
import { ParsedTree } from '../tree';
import { parseJson } from './document';
import { JsonDocument } from './lazy-tree';
import { scanJson } from './scan';

/**
 * Reads a JSON file for an adapter: strict JSON in one pass, its tree built where the adapter
 * looks (a multi-megabyte catalog costs less than jsonc-parser's parse alone); anything else
 * (comments, trailing commas, syntax errors…) through parseJson, which reports the problems.
 * Both give the same tree for strict JSON (test/formats/json-fast.test.ts).
 */
export function readJson(text: string, lines: LineIndex): ParsedTree {
  return readStrictJson(text, () => lines) ?? parseJson(text, lines);
}

/** The fast path alone: undefined when the text is not strict JSON. */
export function readStrictJson(text: string, lines: () => LineIndex): ParsedTree | undefined {
  const tape = scanJson(text);
  if (!tape) return undefined;
  return { root: new JsonDocument(text, tape, lines).root(), comments: [], problems: [] };
}
