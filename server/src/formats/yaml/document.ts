import { Composer, Document, isMap, isScalar, isSeq, Pair, Parser, Scalar, YAMLMap } from 'yaml';
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

/** Parses once into CST tokens, composes documents from them, and collects comments on the way. */
export function parseYaml(text: string): ParsedYaml {
  const tokens = Array.from(new Parser().parse(text));
  const comments: Comment[] = [];
  for (const token of tokens) collectComments(token, comments);
  const composer = new Composer({ keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const problems: ReadProblem[] = [];
  const doc = docs[0];
  if (doc) {
    for (const error of doc.errors) {
      const span = { start: error.pos[0], end: error.pos[1] };
      if (inTemplatedValue(text, span.start)) {
        problems.push({ message: TEMPLATED_VALUE, span, severity: 'warning' });
        continue;
      }
      problems.push({ message: `YAML syntax: ${firstLine(error.message)}`, span, severity: 'error' });
    }
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

/** Comments can sit in many token slots (start, sep, end, items); visit them all. */
function collectComments(token: unknown, out: Comment[]): void {
  if (!token || typeof token !== 'object') return;
  if (Array.isArray(token)) {
    for (const t of token) collectComments(t, out);
    return;
  }
  const t = token as Partial<CST.SourceToken> & Record<string, unknown>;
  if (t.type === 'comment' && typeof t.source === 'string' && typeof t.offset === 'number') {
    out.push({ text: t.source, span: { start: t.offset, end: t.offset + t.source.length } });
    return;
  }
  for (const key of ['start', 'sep', 'end', 'items', 'key', 'value', 'props']) {
    if (key in t) collectComments(t[key], out);
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
  } else {
    value = templatedText(text, node) ?? null;
  }
  const valueSpan = node && (node as Scalar).range ? spanOf(node as Scalar, keySpan) : { start: keySpan.end + 1, end: keySpan.end + 1 };
  if (!node) {
    // `key:` with nothing after it: the value goes after the colon.
    const colon = text.indexOf(':', keySpan.end);
    const at = colon >= 0 ? colon + 1 : keySpan.end;
    valueSpan.start = valueSpan.end = at;
  }
  const replaceValue = (newValue: string): TextEdit | undefined => {
    const viaProse = prose?.replace(0, prose.text.length, newValue);
    if (viaProse) return viaProse;
    if (isMap(node) || isSeq(node)) return undefined;
    const prefix = node ? '' : ' ';
    return { start: valueSpan.start, end: valueSpan.end, newText: prefix + yamlScalarText(newValue) };
  };
  return { key, keySpan, valueSpan, value, prose, replaceValue };
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
  const indent = lines.positionAt(first.range[0]).character;
  const line = `${' '.repeat(indent)}${key}: ${valueText}`;
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
  return insertLineAfter(text, lines, end, line);
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
