import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import dictionarySchema from '../../../../schemas/dictionary.schema.json';
import metadataSchema from '../../../../schemas/metadata.schema.json';
import { yamlScalarText } from '../../formats/yaml/document';
import { VOCABULARY_FIELDS, vocabularyFor, VocabularyField } from '../../rules/vocabulary';

type SchemaProperty = { description?: string };
const TOP_LEVEL_KEYS: Record<string, Record<string, SchemaProperty>> = {
  metadata: metadataSchema.properties,
  dictionary: dictionarySchema.properties,
};

const VALUE_LINE = new RegExp(`^(${VOCABULARY_FIELDS.join('|')})[ \\t]*:`);
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:/;

export interface CompletionOptions {
  /** The client takes snippets (choice lists for the vocabulary keys). */
  snippets: boolean;
}

/**
 * Completion in a native file of `kind`, from the text alone so that it works while the YAML is
 * half-typed: the allowed values after `update_frequency:`, `license:`, `category:` and
 * `access_level:`, and the top-level keys the file does not have yet at the start of a line.
 */
export function completionsAt(document: TextDocument, kind: string, position: Position, options: CompletionOptions): CompletionItem[] {
  const keys = TOP_LEVEL_KEYS[kind];
  if (!keys) return [];
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  const beforeCursor = line.slice(0, position.character);
  const valueLine = VALUE_LINE.exec(line);
  if (valueLine && position.character > valueLine[0].length - 1) {
    return valueItems(valueLine[1] as VocabularyField, position.line, valueLine[0].length, line.length);
  }
  if (/^[A-Za-z_]*$/.test(beforeCursor) && line.slice(position.character).trim() === '') {
    return keyItems(document, keys, position, options);
  }
  return [];
}

function valueItems(field: VocabularyField, line: number, colonEnd: number, lineEnd: number): CompletionItem[] {
  // Native files use the Connecticut portal's wording, as their schema does.
  const vocabulary = vocabularyFor(field)!;
  const range = { start: { line, character: colonEnd }, end: { line, character: lineEnd } };
  return vocabulary.values.map((value, i) => {
    const newText = ` ${yamlScalarText(value)}`;
    return {
      label: value,
      kind: CompletionItemKind.EnumMember,
      detail: `${field.replace(/_/g, ' ')}`,
      documentation: { kind: MarkupKind.Markdown, value: `From: ${vocabulary.source}` },
      sortText: String(i).padStart(3, '0'),
      filterText: newText,
      textEdit: { range, newText },
    };
  });
}

function keyItems(document: TextDocument, keys: Record<string, SchemaProperty>, position: Position, options: CompletionOptions): CompletionItem[] {
  const present = new Set<string>();
  for (const text of document.getText().split(/\r\n|\r|\n/)) {
    const m = KEY_LINE.exec(text);
    if (m) present.add(m[1]);
  }
  const range = { start: { line: position.line, character: 0 }, end: position };
  return Object.entries(keys)
    .filter(([key]) => !present.has(key))
    .map(([key, property], i) => {
      const vocabulary = (VOCABULARY_FIELDS as readonly string[]).includes(key) ? vocabularyFor(key as VocabularyField) : undefined;
      const snippet = vocabulary && options.snippets;
      const newText = snippet ? `${key}: \${1|${vocabulary.values.map((v) => yamlScalarText(v).replace(/[\\$}|,]/g, '\\$&')).join(',')}|}` : `${key}: `;
      return {
        label: key,
        kind: CompletionItemKind.Property,
        documentation: property.description ? { kind: MarkupKind.Markdown, value: property.description } : undefined,
        sortText: String(i).padStart(3, '0'),
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range, newText },
      };
    });
}
