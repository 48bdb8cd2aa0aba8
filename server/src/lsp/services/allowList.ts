import { isDeepStrictEqual } from 'util';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { applyEdits } from '../../engine/fixes';
import { insertPair, yamlScalarText } from '../../formats/yaml/document';
import { LineIndex, TextEdit } from '../../model/text';
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { documentEdit, minimalEdit, toLspEdit } from './edits';

/** The project file that "add to the allow list" edits. */
export interface AllowListTarget {
  uri: string;
  /** The open document's version when the client has it open, so the edit is checked against it. */
  version: number | null;
  /** The file's current text; undefined when it does not exist yet. */
  text: string | undefined;
}

/**
 * The workspace edit that adds an acronym to the project's allow list: an edit of the file, or,
 * when there is none yet, one that creates it (and fails rather than overwrite one that appeared
 * meanwhile). Undefined when the client cannot apply it or the file cannot be edited safely.
 */
export function allowListEdit(target: AllowListTarget, acronym: string, client: { documentChanges: boolean; createFiles: boolean }): WorkspaceEdit | undefined {
  if (target.text === undefined) {
    if (!client.documentChanges || !client.createFiles) return undefined;
    const create: CreateFile = { kind: 'create', uri: target.uri, options: { overwrite: false, ignoreIfExists: false } };
    const fill: TextDocumentEdit = {
      textDocument: { uri: target.uri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(acronym) }],
    };
    return { documentChanges: [create, fill] };
  }
  const edit = addToAllowList(target.text, acronym);
  if (!edit) return undefined;
  return documentEdit(target.uri, target.version, [toLspEdit(edit, new LineIndex(target.text))], client.documentChanges);
}

/** The text of a new `.plainmeta.yaml` holding one allowed acronym. */
export function newConfigText(acronym: string, eol = '\n'): string {
  return `# plainmeta project configuration: https://github.com/plainmeta/plainmeta${eol}acronyms:${eol}  allow: [${yamlScalarText(acronym)}]${eol}`;
}

/**
 * The edit of a `.plainmeta.yaml` text that adds `acronym` to `acronyms.allow`, touching only the
 * lines it must so comments and layout stay as the project wrote them. Undefined when the text is
 * not a YAML mapping, already allows the acronym, or no edit keeps it valid; every candidate edit
 * is checked by parsing the result and comparing its data with what was asked for.
 */
export function addToAllowList(text: string, acronym: string): TextEdit | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const before: unknown = doc.toJS() ?? {};
  if (typeof before !== 'object' || Array.isArray(before)) return undefined;
  const expected = structuredClone(before) as { acronyms?: { allow?: unknown } };
  const acronyms = expected.acronyms ?? {};
  if (typeof acronyms !== 'object' || Array.isArray(acronyms)) return undefined;
  const allow = acronyms.allow ?? [];
  if (!Array.isArray(allow) || allow.includes(acronym)) return undefined;
  expected.acronyms = { ...acronyms, allow: [...allow, acronym] };

  for (const candidate of [() => lineEdit(text, doc, acronym), () => roundTripEdit(text, acronym)]) {
    const edit = candidate();
    if (!edit) continue;
    const after = parseDocument(applyEdits(text, [edit]));
    if (after.errors.length === 0 && isDeepStrictEqual(after.toJS() ?? {}, expected)) return edit;
  }
  return undefined;
}

/** The usual shapes, edited in place: no `acronyms`, no `allow`, a flow list or a block list. */
function lineEdit(text: string, doc: Document.Parsed, acronym: string): TextEdit | undefined {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const value = yamlScalarText(acronym);
  const root = doc.contents;
  const appendBlock = (): TextEdit => {
    const separator = text.length > 0 && !/[\r\n]$/.test(text) ? eol : '';
    return { start: text.length, end: text.length, newText: `${separator}acronyms:${eol}  allow: [${value}]${eol}` };
  };
  if (root == null) return appendBlock();
  if (!isMap(root) || root.flow) return undefined;
  const acronyms = root.get('acronyms', true);
  if (acronyms === undefined) return appendBlock();
  if (!isMap(acronyms) || acronyms.flow) return undefined;
  const allow = acronyms.get('allow', true);
  if (allow === undefined) {
    // insertPair writes a scalar; the key wants a one-item list, the same line with brackets.
    const edit = insertPair(text, lines, acronyms as YAMLMap, 'allow', acronym);
    return edit && { ...edit, newText: edit.newText.replace(`allow: ${value}`, `allow: [${value}]`) };
  }
  if (!isSeq(allow)) return undefined;
  return allow.flow ? appendToFlowList(text, allow, value) : appendToBlockList(text, lines, allow, value);
}

function appendToFlowList(text: string, list: YAMLSeq, value: string): TextEdit | undefined {
  const close = list.range ? text.lastIndexOf(']', list.range[1] - 1) : -1;
  if (close < 0) return undefined;
  const last = list.items[list.items.length - 1] as Scalar | undefined;
  if (!last) return { start: close, end: close, newText: value };
  if (!last.range) return undefined;
  return { start: last.range[1], end: last.range[1], newText: `, ${value}` };
}

function appendToBlockList(text: string, lines: LineIndex, list: YAMLSeq, value: string): TextEdit | undefined {
  const first = list.items[0] as Scalar | undefined;
  const last = list.items[list.items.length - 1] as Scalar | undefined;
  if (!first?.range || !last?.range || !isScalar(last)) return undefined;
  const firstLine = lines.positionAt(first.range[0]).line;
  const dash = text.slice(lines.lineStart(firstLine), first.range[0]);
  if (!/^\s*-\s+$/.test(dash)) return undefined;
  const item = `${dash}${value}`;
  const lastLine = lines.positionAt(last.range[1]).line;
  if (lastLine + 1 < lines.lineCount) {
    const at = lines.lineStart(lastLine + 1);
    return { start: at, end: at, newText: item + lines.eol };
  }
  return { start: text.length, end: text.length, newText: lines.eol + item };
}

/** Anything else: let the YAML library rewrite the file, and keep only the lines that changed. */
function roundTripEdit(text: string, acronym: string): TextEdit | undefined {
  const doc = parseDocument(text);
  const list = doc.getIn(['acronyms', 'allow'], true);
  if (isSeq(list)) list.add(doc.createNode(acronym));
  else {
    const node = doc.createNode([acronym]);
    node.flow = true;
    doc.setIn(['acronyms', 'allow'], node);
  }
  return minimalEdit(text, doc.toString({ lineWidth: 0 }));
}
