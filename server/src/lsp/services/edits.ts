import type { TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { LineIndex, TextEdit } from '../../model/text';

export function toLspEdit(edit: TextEdit, lines: LineIndex): LspTextEdit {
  return { range: lines.rangeOf(edit), newText: edit.newText };
}

/**
 * The single edit that turns `before` into `after`: everything between their common prefix and
 * suffix. Never splits a "\r\n" or a surrogate pair, so the range maps to real positions.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const splits = (text: string, at: number) => at > 0 && at < text.length && (
    (text[at - 1] === '\r' && text[at] === '\n') || (/[\uD800-\uDBFF]/.test(text[at - 1]) && /[\uDC00-\uDFFF]/.test(text[at])));
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

/**
 * A workspace edit of one document. With `documentChanges` it names the version the edits were
 * made for, so a client rejects them if the text has moved on instead of applying them in the
 * wrong place.
 */
export function documentEdit(uri: string, version: number | null, edits: LspTextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (!documentChanges) return { changes: { [uri]: edits } };
  const change: TextDocumentEdit = { textDocument: { uri, version }, edits };
  return { documentChanges: [change] };
}
