import { Fix, Rule } from './rule';

/** Header names and listed names are compared without case or surrounding blanks. */
const key = (s: string) => s.trim().toLowerCase();

export const missingColumn: Rule = {
  meta: {
    id: 'missing-column',
    description: "Columns in the linked data file's header that the dictionary does not list, and listed columns the header lacks.",
    defaultSeverity: 'warning',
    reads: ['data_file', 'columns[].name'],
    fixable: true,
    scope: 'file',
    tags: ['completeness', 'columns'],
    messages: {
      notListed: 'Column "{{column}}" is in the header of {{file}} but not in this dictionary; add and describe it.',
      notInData: 'Column "{{column}}" is listed here but the header of {{file}} has no such column.',
      unreadable: 'Cannot check the columns against {{file}}: {{problem}}',
    },
    rationale: {
      quote: 'For column metadata, make sure to describe what each column measures.',
      source: 'Connecticut Open Data Publication Guidelines, Step 4',
    },
  },
  check({ file, project, report }) {
    if (!project) return;
    for (const dataset of file.datasets) {
      const dataFile = dataset.fields.data_file;
      const path = dataFile?.value?.trim();
      // Only local files: a URL would mean fetching, which a linter must not do.
      if (!dataFile || !path || /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || dataset.columns === undefined) continue;
      const header = project.readHeader(path);
      if ('problem' in header) {
        report({ span: dataFile.valueSpan, messageId: 'unreadable', data: { file: path, problem: header.problem } });
        continue;
      }
      const listed = new Set(dataset.columns.map((c) => c.fields.name?.value).filter((n): n is string => !!n).map(key));
      const inHeader = new Set(header.columns.map(key));
      for (const column of header.columns) {
        if (column.trim() === '' || listed.has(key(column))) continue;
        const stub = `Describe what "${column}" measures, in plain words.`;
        const edit = dataset.insertColumn?.(column, stub);
        // The entry's description is a stub a person must write, so never applied unattended.
        const fixes: Fix[] = edit ? [{ title: `Add an entry for column "${column}"`, edits: [edit], safe: false }] : [];
        report({ span: dataFile.valueSpan, messageId: 'notListed', data: { column, file: path }, fixes });
      }
      for (const column of dataset.columns) {
        const name = column.fields.name;
        if (!name?.value || inHeader.has(key(name.value))) continue;
        report({ span: name.valueSpan, messageId: 'notInData', data: { column: name.value, file: path } });
      }
    }
  },
};
