import { ProseBuilder, ProseText } from '../../model/prose';
import { Span, TextEdit } from '../../model/text';

/** One cell: its decoded value and where it sits, quotes included. */
export interface CsvCell {
  span: Span;
  quoted: boolean;
  value: string;
  prose: ProseText;
}

export interface CsvRecord {
  cells: CsvCell[];
  /** From the first cell to the end of the last, line break excluded. */
  span: Span;
}

export interface CsvParse {
  records: CsvRecord[];
  /** Offset after the last record read (after its line break). */
  end: number;
  /** Whether the last record read ended with a line break (or the text ended cleanly). */
  complete: boolean;
  problems: Array<{ message: string; span: Span }>;
}

/** The delimiter of a CSV by its first line: a comma unless semicolons or tabs clearly win. */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r\n|\n|\r/, 1)[0];
  const count = (c: string) => firstLine.split(c).length - 1;
  const comma = count(',');
  if (count('\t') > comma) return '\t';
  if (count(';') > comma) return ';';
  return ',';
}

/** Whether a value must be quoted to stay one cell. */
export function needsQuotes(value: string, delimiter: string): boolean {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value);
}

export function quoteCsv(value: string, delimiter: string): string {
  return needsQuotes(value, delimiter) ? `"${doubleQuotes(value)}"` : value;
}

/**
 * A cell's prose. Text put into a quoted cell has its quotes doubled; text that an unquoted cell
 * cannot hold (a delimiter, a quote, a line break) re-quotes the whole cell, so the file stays a
 * valid CSV with the same number of cells.
 */
class CsvCellProse extends ProseText {
  constructor(builder: ProseBuilder, span: Span, private readonly quoted: boolean, private readonly delimiter: string) {
    super(builder.text, builder.map(), span, quoted ? doubleQuotes : unquotedEncoder(delimiter));
  }

  override replace(start: number, end: number, newText: string): TextEdit | undefined {
    if (this.decoded.length > 0) {
      const inPlace = super.replace(start, end, newText);
      if (inPlace) return inPlace;
    }
    const value = this.decoded.slice(0, start) + newText + this.decoded.slice(end);
    const written = this.quoted ? `"${doubleQuotes(value)}"` : quoteCsv(value, this.delimiter);
    return { start: this.nodeSpan.start, end: this.nodeSpan.end, newText: written };
  }
}

const doubleQuotes = (s: string): string => s.replace(/"/g, '""');

/** One encoder per delimiter, shared by every unquoted cell rather than a closure for each. */
const unquotedEncoders = new Map<string, (s: string) => string | undefined>();
function unquotedEncoder(delimiter: string): (s: string) => string | undefined {
  let encode = unquotedEncoders.get(delimiter);
  if (!encode) unquotedEncoders.set(delimiter, (encode = (s) => (needsQuotes(s, delimiter) ? undefined : s)));
  return encode;
}

/**
 * RFC 4180 parsing with a source map for every cell: quoted cells may hold delimiters, doubled
 * quotes and line breaks; "\n", "\r\n" and "\r" end records; blank lines are skipped. Stops after
 * `maxRecords` records when given (reading only a header).
 */
export function parseCsv(text: string, delimiter = ',', maxRecords = Infinity): CsvParse {
  const records: CsvRecord[] = [];
  const problems: CsvParse['problems'] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let complete = true;
  while (i < text.length && records.length < maxRecords) {
    const cells: CsvCell[] = [];
    const recordStart = i;
    let endOfRecord = false;
    while (!endOfRecord) {
      const builder = new ProseBuilder(text);
      const cellStart = i;
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        let closed = false;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              builder.push('"', i, i + 2);
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          const run = i;
          while (i < text.length && text[i] !== '"') i++;
          builder.pushSource(run, i);
        }
        if (!closed) {
          problems.push({ message: 'A quoted cell is not closed: a closing " is missing before the end of the file.', span: { start: cellStart, end: cellStart + 1 } });
          complete = false;
        }
        // Text between a closing quote and the delimiter is kept, as spreadsheets do, and reported.
        const strayStart = i;
        i = unquotedEnd(text, i, delimiter);
        builder.pushSource(strayStart, i);
        if (i > strayStart) problems.push({ message: 'Text after the closing quote of a cell; quote the whole cell.', span: { start: strayStart, end: i } });
      } else {
        i = unquotedEnd(text, cellStart, delimiter);
        builder.pushSource(cellStart, i);
      }
      const span = { start: cellStart, end: i };
      cells.push({ span, quoted, value: builder.text, prose: new CsvCellProse(builder, span, quoted, delimiter) });
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      endOfRecord = true;
    }
    const recordEnd = i;
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\n' || text[i] === '\r') i++;
    else complete = complete && i >= text.length;
    const blank = cells.length === 1 && !cells[0].quoted && cells[0].value.trim() === '';
    if (!blank) records.push({ cells, span: { start: recordStart, end: recordEnd } });
  }
  return { records, end: i, complete, problems };
}

/** Where an unquoted cell (or text after a quoted one) that starts at `i` ends: at a delimiter, a line break or the end. */
function unquotedEnd(text: string, i: number, delimiter: string): number {
  while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
