import * as assert from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { parseCsv } from '../../server/src/formats/csv/parse';
import { applyAndCheck, brief, covered, lint, only } from '../helpers';

const path = 'school-meals-dictionary.csv';
const DICTIONARY = [
  'Field Name,Label,Definition,Type',
  'town,Town,"Town where the school is, as named by the SDE",text',
  'meals,Meals,TBD,integer',
  'year,Year,We utilize the school year,integer',
  'grade,Grade',
  '',
].join('\r\n');

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells.map((c) => c.value));

describe('CSV data dictionaries', () => {
  it('is detected by name and header; a CSV without the header fields is not', () => {
    assert.strictEqual(lintText(DICTIONARY, { path }).kind, 'csv-dictionary');
    assert.strictEqual(lintText('a,b\n1,2\n', { path: 'dictionary.csv' }).kind, undefined);
    assert.deepStrictEqual(lintText(DICTIONARY, { path }).columns, { total: 4, documented: 2 });
  });

  it('points at cells', () => {
    const findings = lint(DICTIONARY, { path });
    assert.deepStrictEqual(only(findings, 'undocumented-column').map(brief), [
      { rule: 'undocumented-column', range: [2, 12, 2, 15], message: 'Column "meals" has a placeholder description ("TBD"); say what it measures.' },
      { rule: 'undocumented-column', range: [4, 0, 4, 5], message: 'Column "grade" has no description; say what it measures.' },
    ]);
    const [acronym] = only(findings, 'acronym');
    assert.strictEqual(covered(DICTIONARY, acronym), 'SDE');
    assert.deepStrictEqual(brief(acronym).range, [1, 53, 1, 56]);
  });

  it('keeps a quoted cell valid when a fix writes inside it', () => {
    const [acronym] = only(lint(DICTIONARY, { path }), 'acronym');
    const fix = acronym.fixes.find((f) => f.title.startsWith('Define'))!;
    const fixed = applyAndCheck(DICTIONARY, acronym, fix, { path });
    assert.strictEqual(cells(fixed)[1][2], 'Town where the school is, as named by the State Department of Education (SDE)');
  });

  it('re-quotes an unquoted cell when the new text needs quotes', () => {
    const [placeholder] = only(lint(DICTIONARY, { path }), 'undocumented-column');
    const fixed = applyAndCheck(DICTIONARY, placeholder, placeholder.fixes[0], { path });
    assert.ok(fixed.includes('meals,Meals,"Describe what ""meals"" measures, in plain words.",integer\r\n'), fixed);
    assert.strictEqual(cells(fixed)[2][2], 'Describe what "meals" measures, in plain words.');
  });

  it('adds the missing cells of a short row', () => {
    const short = only(lint(DICTIONARY, { path }), 'undocumented-column')[1];
    const fixed = applyAndCheck(DICTIONARY, short, short.fixes[0], { path });
    assert.deepStrictEqual(cells(fixed)[4], ['grade', 'Grade', 'Describe what "grade" measures, in plain words.']);
  });

  it('replaces a word inside an unquoted cell in place', () => {
    const [plain] = only(lint(DICTIONARY, { path }), 'plain-language');
    const fixed = applyAndCheck(DICTIONARY, plain, plain.fixes[0], { path });
    assert.ok(fixed.includes('year,Year,We use the school year,integer\r\n'));
  });
});
