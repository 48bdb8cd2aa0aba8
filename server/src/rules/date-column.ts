import { Column } from '../model/dataset';
import { columnWordLists } from './column-names';
import { COLUMN_STEP, columnCount, Pauses, Rule } from './rule';

/** Words in a column name or title that mean the column holds a date or a period. */
const DATE_WORDS = new Set(['date', 'dates', 'time', 'timestamp', 'datetime', 'year', 'years', 'yr', 'month', 'months', 'day', 'week', 'quarter', 'period', 'fy', 'updated', 'dt', 'asof']);
/** Column types that hold dates, in the native format and Frictionless Table Schema. */
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp', 'time', 'year', 'yearmonth', 'calendar_date', 'floating_timestamp']);

function isDateColumn(column: Column): boolean {
  const type = column.fields.type?.value?.trim().toLowerCase();
  if (type && DATE_TYPES.has(type)) return true;
  return columnWordLists(column).some((words) => words.some((w) => DATE_WORDS.has(w)));
}

export const dateColumn: Rule = {
  meta: {
    id: 'date-column',
    description: 'A dataset or dictionary whose columns include no date, as the guidelines recommend one.',
    defaultSeverity: 'info',
    reads: ['columns[].name', 'columns[].title', 'columns[].type'],
    fixable: false,
    scope: 'file',
    tags: ['columns', 'completeness'],
    messages: {
      missing: 'No column holds a date; the guidelines recommend one, such as the date each row was last updated.',
    },
    rationale: {
      quote: 'It is often helpful to include a column for the date that the data was last updated, especially if the data will be updated with any frequency. It is generally recommended to include a date field in your data.',
      source: 'Connecticut Open Data Publication Guidelines, Step 3',
    },
  },
  *check({ file, report }) {
    const pauses = new Pauses(columnCount(file), COLUMN_STEP);
    let checked = 0;
    for (const dataset of file.datasets) {
      const columns = dataset.columns ?? [];
      let dated = false;
      for (let c = 0; c < columns.length && !dated; c++) {
        dated = isDateColumn(columns[c]);
        const share = pauses.after(checked + c, 1);
        if (share !== undefined) yield share;
      }
      checked += columns.length;
      if (columns.length > 0 && !dated) report({ span: dataset.anchor, messageId: 'missing', data: {} });
    }
  },
};
