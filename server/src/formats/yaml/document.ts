import { Composer, Document, isMap, isScalar, isSeq, Pair, Parser, Scalar, visit, YAMLMap } from 'yaml';
import type { CST } from 'yaml';
import { Comment, FieldValue, ReadProblem } from '../../model/dataset';
import { ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { proseOfScalar } from './scalar';

export interface ParsedYaml {
  /** The first document of the stream; later ones are reported, not linted. */
  doc: Document.Parsed | undefined;
  comments: Comment[];
  problems: ReadProblem[];
}

/**
 * Deeper than any metadata file needs. Files nested deeper are reported and not composed, so no
 * walk over the tree (ours, the yaml package's, or a format adapter's) can exhaust the stack.
 */
export const MAX_NESTING = 100;

/** Past this many syntax errors the file is not YAML in any useful sense; more findings only bury the first. */
export const MAX_SYNTAX_PROBLEMS = 100;

/**
 * How far aliases may expand when a document is turned into plain data: the yaml package's
 * default, stated here so that no caller expands without a bound.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses once into CST tokens, composes documents from them, and collects comments on the way.
 * `doc` is undefined when the file nests too deep to be read safely.
 */
export function parseYaml(text: string): ParsedYaml {
  const tokens = Array.from(new Parser().parse(text));
  const { comments, tooDeepAt, firstAliasAt } = scanTokens(tokens);
  if (tooDeepAt !== undefined) {
    return {
      doc: undefined,
      comments: [],
      problems: [{ message: `Nesting too deep: lists or mappings here are more than ${MAX_NESTING} levels deep, so plainmeta does not read this file.`, span: { start: tooDeepAt, end: tooDeepAt }, severity: 'error' }],
    };
  }
  // The yaml package's own duplicate-key check compares each key with every earlier one, which is
  // quadratic in a mapping's size; duplicateKeys does the same check with a set.
  const composer = new Composer({ keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const problems: ReadProblem[] = [];
  const doc = docs[0];
  if (doc) {
    // The yaml package can place an error one past the end of the text (an unexpected end); keep it inside.
    const inside = (offset: number) => Math.max(0, Math.min(offset, text.length));
    const errors = doc.errors.map((e) => ({ message: e.message, start: inside(e.pos[0]), end: inside(e.pos[1]) }));
    const syntax = [...errors, ...duplicateKeys(doc)].sort((a, b) => a.start - b.start);
    for (const error of syntax.slice(0, MAX_SYNTAX_PROBLEMS)) {
      problems.push({ message: `YAML syntax: ${firstLine(error.message)}`, span: { start: error.start, end: error.end }, severity: 'error' });
    }
    if (syntax.length > MAX_SYNTAX_PROBLEMS) {
      const last = syntax[MAX_SYNTAX_PROBLEMS];
      const more = syntax.length - MAX_SYNTAX_PROBLEMS;
      problems.push({ message: `YAML syntax: ${more} more problems after this point are not listed; fix the ones above first.`, span: { start: last.start, end: last.start }, severity: 'error' });
    }
  }
  // Only a well-formed document can be expanded; an alias to a missing anchor is a syntax error above.
  if (doc && doc.errors.length === 0 && firstAliasAt !== undefined && 'problem' in yamlData(doc)) {
    problems.push({
      message: 'YAML aliases (*name) in this file expand into too many values (an alias bomb); plainmeta does not expand them.',
      span: { start: firstAliasAt, end: firstAliasAt },
      severity: 'error',
    });
  }
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

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

const COLLECTION_TOKENS = new Set(['block-map', 'block-seq', 'flow-collection']);
/** Comments can sit in many token slots (start, sep, end, items); visit them all. */
const CHILD_SLOTS = ['start', 'sep', 'end', 'items', 'key', 'value', 'props'];

/**
 * Collects comments and measures nesting in one walk over the CST. The walk keeps its own stack
 * instead of recursing, so a file nested tens of thousands deep cannot overflow the call stack.
 */
function scanTokens(tokens: readonly CST.Token[]): { comments: Comment[]; tooDeepAt?: number; firstAliasAt?: number } {
  const comments: Comment[] = [];
  let firstAliasAt: number | undefined;
  const stack: Array<{ node: unknown; depth: number }> = tokens.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, depth });
      continue;
    }
    const t = node as Partial<CST.SourceToken> & Record<string, unknown>;
    if (t.type === 'comment' && typeof t.source === 'string' && typeof t.offset === 'number') {
      comments.push({ text: t.source, span: { start: t.offset, end: t.offset + t.source.length } });
      continue;
    }
    if ((t.type as string) === 'alias' && typeof t.offset === 'number') firstAliasAt = Math.min(firstAliasAt ?? t.offset, t.offset);
    const inner = typeof t.type === 'string' && COLLECTION_TOKENS.has(t.type) ? depth + 1 : depth;
    if (inner > MAX_NESTING) return { comments, tooDeepAt: typeof t.offset === 'number' ? t.offset : 0 };
    for (const key of CHILD_SLOTS) {
      if (key in t) stack.push({ node: t[key], depth: inner });
    }
  }
  // The stack visits siblings in reverse; directives need comments in file order.
  return { comments: comments.sort((a, b) => a.span.start - b.span.start), firstAliasAt };
}

/** Keys repeated in one mapping, each reported where it repeats, as the yaml package words it. */
function duplicateKeys(doc: Document): Array<{ message: string; start: number; end: number }> {
  const out: Array<{ message: string; start: number; end: number }> = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        // Only scalar keys can repeat: the yaml package compares other keys by identity.
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = `${typeof pair.key.value}:${String(pair.key.value)}`;
        if (seen.has(key)) out.push({ message: 'Map keys must be unique', start: pair.key.range[0], end: pair.key.range[1] });
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
      value = String(node.value);
    }
  } else if (isSeq(node)) {
    const items = node.items.filter(isScalar).map((s) => String(s.value ?? ''));
    value = items.join(', ');
  }
  const valueSpan = node && (node as Scalar).range ? spanOf(node as Scalar, keySpan) : { start: keySpan.end + 1, end: keySpan.end + 1 };
  if (!node) {
    // `key:` with nothing after it: the value goes after the colon.
    const colon = text.indexOf(':', keySpan.end);
    const at = colon >= 0 ? colon + 1 : keySpan.end;
    valueSpan.start = valueSpan.end = at;
  }
  // A block scalar's span and value end with the line breaks after its last line; they hold the
  // next key on its own line, so a replacement stops before them.
  const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  const replaceValue = (newValue: string): TextEdit | undefined => {
    const contentLength = prose && block ? prose.text.replace(/\n+$/, '').length : prose?.text.length;
    const viaProse = contentLength ? prose?.replace(0, contentLength, newValue) : undefined;
    if (viaProse) return viaProse;
    if (isMap(node) || isSeq(node)) return undefined;
    const prefix = node ? '' : ' ';
    let end = valueSpan.end;
    if (block) while (end > valueSpan.start && /[\r\n \t]/.test(text[end - 1])) end--;
    return { start: valueSpan.start, end, newText: prefix + yamlScalarText(newValue) };
  };
  return { key, keySpan, valueSpan, value, prose, replaceValue };
}

/**
 * An edit inserting `key: value` into a block mapping, on its own line at the mapping's
 * indentation: before the pair named `beforeKey` when there is one, otherwise after the last pair.
 */
export function insertPair(text: string, lines: LineIndex, map: YAMLMap, key: string, value: string, beforeKey?: string): TextEdit | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  const first = map.items[0].key as Scalar | null;
  if (!first?.range) return undefined;
  const indent = lines.positionAt(first.range[0]).character;
  const line = `${' '.repeat(indent)}${key}: ${yamlScalarText(value)}`;
  const eol = lines.eol;
  const before = beforeKey ? map.items.find((p) => keyOf(p) === beforeKey) : undefined;
  const beforeNode = before?.key as Scalar | undefined;
  if (beforeNode?.range) {
    const position = lines.positionAt(beforeNode.range[0]);
    // Only when the key starts its own line; `- columns:` in a sequence item would not.
    if (position.character === indent && /^\s*$/.test(text.slice(lines.lineStart(position.line), beforeNode.range[0]))) {
      const at = lines.lineStart(position.line);
      return { start: at, end: at, newText: line + eol };
    }
  }
  const last = map.items[map.items.length - 1];
  const lastNode = (last.value ?? last.key) as Scalar | null;
  const end = lastNode?.range ? lastNode.range[1] : map.range?.[1];
  if (end === undefined) return undefined;
  if (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) return { start: end, end, newText: line + eol };
  const endLine = lines.positionAt(end).line;
  if (endLine + 1 < lines.lineCount) {
    const at = lines.lineStart(endLine + 1);
    return { start: at, end: at, newText: line + eol };
  }
  return { start: text.length, end: text.length, newText: eol + line + (text.length ? '' : eol) };
}
