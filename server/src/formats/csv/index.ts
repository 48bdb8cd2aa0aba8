import { Column, ColumnConcept, FieldValue, ParsedFile } from '../../model/dataset';
import { LineIndex } from '../../model/text';
import { FormatAdapter } from '../adapter';
import { CsvCell, CsvRecord, guessDelimiter, parseCsv, quoteCsv } from './parse';

/**
 * Header spellings for each column concept, most specific first: in a header with both
 * `field_name` and `name`, `field_name` names the column.
 */
const HEADER_NAMES: Record<ColumnConcept, readonly string[]> = {
  name: ['field_name', 'column_name', 'variable_name', 'fieldname', 'columnname', 'variable', 'column', 'field', 'name'],
  description: ['description', 'definition', 'field_definition', 'field_description', 'column_description', 'variable_description'],
  title: ['title', 'label', 'field_label', 'column_label', 'variable_label', 'display_name'],
  type: ['type', 'data_type', 'datatype', 'field_type', 'column_type'],
};

const normalizeHeader = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Which cell of the header holds each concept; name and description are required to claim the file. */
function headerIndexes(header: CsvRecord): Partial<Record<ColumnConcept, number>> {
  const names = header.cells.map((c) => normalizeHeader(c.value));
  const out: Partial<Record<ColumnConcept, number>> = {};
  const taken = new Set<number>();
  for (const concept of ['name', 'description', 'title', 'type'] as ColumnConcept[]) {
    for (const spelling of HEADER_NAMES[concept]) {
      const index = names.findIndex((n, i) => n === spelling && !taken.has(i));
      if (index >= 0) {
        out[concept] = index;
        taken.add(index);
        break;
      }
    }
  }
  return out;
}

function readHeader(text: string): { indexes: Partial<Record<ColumnConcept, number>>; delimiter: string } | undefined {
  const delimiter = guessDelimiter(text);
  const header = parseCsv(text, delimiter, 1).records[0];
  return header ? { indexes: headerIndexes(header), delimiter } : undefined;
}

/** A CSV data dictionary: one row per column of the data, with a header naming the fields. */
export const csvDictionary: FormatAdapter = {
  kind: 'csv-dictionary',
  label: 'CSV data dictionary',
  fileNames: [/(^|[/\\])[^/\\]*dictionary[^/\\]*\.csv$/i],
  claims(text) {
    const header = readHeader(text);
    return header?.indexes.name !== undefined && header.indexes.description !== undefined;
  },
  parse: parseCsvDictionary,
};

function parseCsvDictionary(text: string): ParsedFile {
  const lines = new LineIndex(text);
  const delimiter = guessDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const file: ParsedFile = {
    kind: 'csv-dictionary',
    text,
    lines,
    datasets: [],
    comments: [],
    problems: parsed.problems.map((p) => ({ ...p, severity: 'error' as const })),
  };
  const [header, ...rows] = parsed.records;
  if (!header) {
    file.problems.push({ message: 'This CSV data dictionary is empty: it needs a header row and one row per column.', span: { start: 0, end: 0 }, severity: 'warning' });
    return file;
  }
  const indexes = headerIndexes(header);
  if (indexes.name === undefined || indexes.description === undefined) {
    file.problems.push({
      message: `The header needs a column-name field (${HEADER_NAMES.name.join(', ')}) and a description field (${HEADER_NAMES.description.join(', ')}).`,
      span: header.span,
      severity: 'error',
    });
    return file;
  }
  const width = header.cells.length;
  const field = (record: CsvRecord, concept: ColumnConcept): FieldValue | undefined => {
    const index = indexes[concept];
    const cell = index === undefined ? undefined : record.cells[index];
    return cell && fieldOfCell(header.cells[index!], cell);
  };
  const columns: Column[] = rows.map((row) => {
    const fields: Column['fields'] = {};
    for (const concept of ['name', 'title', 'description', 'type'] as ColumnConcept[]) {
      const value = field(row, concept);
      if (value) fields[concept] = value;
    }
    return {
      fields,
      span: row.span,
      insertField: (concept, value) => {
        // A short row gains the empty cells it lacks, then the value in the concept's cell.
        const index = indexes[concept];
        if (index === undefined || index < row.cells.length) return undefined;
        const padding = delimiter.repeat(index - row.cells.length + 1);
        return { start: row.span.end, end: row.span.end, newText: padding + quoteCsv(value, delimiter) };
      },
    };
  });
  file.datasets.push({
    fields: {},
    columns,
    describesDataset: false,
    anchor: header.span,
    insertField: () => undefined,
    insertColumn: (name, description) => {
      const cells: string[] = Array.from({ length: width }, () => '');
      cells[indexes.name!] = quoteCsv(name, delimiter);
      cells[indexes.description!] = quoteCsv(description, delimiter);
      const row = cells.join(delimiter);
      const endsWithBreak = /[\r\n]$/.test(text);
      return { start: text.length, end: text.length, newText: (endsWithBreak ? '' : lines.eol) + row + lines.eol };
    },
  });
  return file;
}

function fieldOfCell(headerCell: CsvCell, cell: CsvCell): FieldValue {
  return {
    key: headerCell.value,
    keySpan: headerCell.span,
    valueSpan: cell.span,
    value: cell.value.trim() === '' ? null : cell.value,
    prose: cell.prose,
    replaceValue: (newValue) => cell.prose.replace(0, cell.prose.text.length, newValue),
  };
}
