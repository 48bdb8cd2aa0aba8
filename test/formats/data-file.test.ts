import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintFile } from '../../server/src/cli/report';
import { HEADER_BYTES, readCsvHeader } from '../../server/src/io/project-files';
import { applyAndCheck, brief, lint, only, projectOf } from '../helpers';

describe('columns against the data file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-data-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads only the header row, quoted cells and BOM included', () => {
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, '\ufeffid,"Town, name","line\nbreak"\r\n1,2,3\n');
    assert.deepStrictEqual(readCsvHeader(file), { columns: ['id', 'Town, name', 'line\nbreak'] });
  });

  it('reads at most the first 64 KB of a large file', () => {
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(file, 'a,b\n' + '1,2\n'.repeat(50000));
    assert.deepStrictEqual(readCsvHeader(file), { columns: ['a', 'b'] });
    const huge = path.join(dir, 'huge.csv');
    fs.writeFileSync(huge, 'x'.repeat(HEADER_BYTES + 10));
    assert.deepStrictEqual(readCsvHeader(huge), { problem: 'its first row is longer than 64 KB; is it a CSV file?' });
  });

  it('gives one clear problem for a missing file, a folder, or an empty file', () => {
    assert.deepStrictEqual(readCsvHeader(path.join(dir, 'nope.csv')), { problem: 'the file does not exist.' });
    assert.deepStrictEqual(readCsvHeader(dir), { problem: 'it is a folder, not a data file.' });
    fs.writeFileSync(path.join(dir, 'empty.csv'), '');
    assert.deepStrictEqual(readCsvHeader(path.join(dir, 'empty.csv')), { problem: 'it is empty; the first row should name the columns.' });
  });

  it('reports, from the CLI, columns the native data_file has that the metadata lacks, and the reverse', () => {
    fs.writeFileSync(path.join(dir, 'meals.csv'), 'town,meals\nHartford,3\n');
    const metadata = path.join(dir, 'meals.dictionary.yaml');
    fs.writeFileSync(metadata, 'data_file: meals.csv\ncolumns:\n  - name: town\n    description: Town of the school.\n  - name: year\n    description: School year.\n');
    const report = lintFile(metadata, { fix: false })!;
    assert.deepStrictEqual(report.findings.filter((f) => f.rule === 'missing-column').map(brief), [
      { rule: 'missing-column', range: [0, 11, 0, 20], message: 'Column "meals" is in the header of meals.csv but not in this dictionary; add and describe it.' },
      { rule: 'missing-column', range: [4, 10, 4, 14], message: 'Column "year" is listed here but the header of meals.csv has no such column.' },
    ]);
  });

  it('adds an entry for a missing column to a native dictionary', () => {
    const text = 'data_file: meals.csv\ncolumns:\n  - name: town\n    description: Town of the school.\n';
    const options = { path: 'meals.dictionary.yaml', project: projectOf({ 'meals.csv': 'town,meals\n' }) };
    const [f] = only(lint(text, options), 'missing-column');
    const fixed = applyAndCheck(text, f, f.fixes[0], options);
    assert.strictEqual(fixed, text + '  - name: meals\n    description: Describe what "meals" measures, in plain words.\n');
  });

  it('says once that the data file cannot be read', () => {
    const text = 'data_file: gone.csv\ncolumns:\n  - name: town\n    description: Town of the school.\n';
    const findings = only(lint(text, { path: 'x.dictionary.yaml', project: projectOf({}) }), 'missing-column');
    assert.deepStrictEqual(findings.map(brief), [
      { rule: 'missing-column', range: [0, 11, 0, 19], message: 'Cannot check the columns against gone.csv: the file does not exist.' },
    ]);
  });
});
