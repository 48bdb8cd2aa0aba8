import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { readingLevel, syllables } from '../../server/src/rules/readability';
import { brief, covered, lint, only } from '../helpers';

const dictionary = (...columns: string[]) => ['title: Example', 'columns:', ...columns.map((c) => `  - name: ${c}\n    description: What ${c} holds, in plain words.`), ''].join('\n');
const lintDictionary = (text: string, rule: string) => only(lint(text, { path: 'x.dictionary.yaml' }), rule);

describe('privacy-identifier', () => {
  it('flags each direct identifier at its column name', () => {
    const text = dictionary('record_date', 'client_name', 'SSN', 'DateOfBirth', 'home_address', 'phone', 'email', 'town');
    const found = lintDictionary(text, 'privacy-identifier');
    assert.deepStrictEqual(found.map((f) => [covered(text, f), f.data.identifier]), [
      ['client_name', 'name'],
      ['SSN', 'Social Security number'],
      ['DateOfBirth', 'date of birth'],
      ['home_address', 'street address'],
      ['phone', 'phone number'],
      ['email', 'email address'],
    ]);
    assert.deepStrictEqual(brief(found[1]), {
      rule: 'privacy-identifier',
      range: [6, 10, 6, 13],
      message: 'Column "SSN" looks like a direct identifier (Social Security number); review the publication guidelines\' Privacy Considerations before publishing it.',
    });
    assert.strictEqual(found[1].severity, 'info');
  });

  it('flags three kinds of quasi-identifier together, once, at the first', () => {
    const text = dictionary('report_year', 'zip_code', 'Gender', 'race_ethnicity', 'age_group', 'count');
    const found = lintDictionary(text, 'privacy-identifier');
    assert.deepStrictEqual(found.map(brief), [
      {
        rule: 'privacy-identifier',
        range: [4, 10, 4, 18],
        message: 'Columns "zip_code", "Gender", "race_ethnicity", "age_group" are quasi-identifiers (ZIP code, sex or gender, race, age); together, or in small counts, they can identify people. Review the publication guidelines\' Privacy Considerations.',
      },
    ]);
  });

  it('leaves names and addresses of things, and two quasi-identifiers, alone', () => {
    const text = dictionary('year', 'facility_name', 'town_name', 'address', 'agency', 'sex', 'age_group', 'average_age_adjusted_rate');
    assert.deepStrictEqual(lintDictionary(text, 'privacy-identifier').map((f) => f.message), []);
  });
});

describe('title-year', () => {
  const titleFindings = (title: string) => only(lint(`title: ${title}\n`), 'title-year');

  it('flags a title that names a single year, at the year', () => {
    const text = 'title: Juvenile Arrests 2019\n';
    const [f, ...rest] = only(lint(text), 'title-year');
    assert.deepStrictEqual(rest, []);
    assert.deepStrictEqual(brief(f), {
      rule: 'title-year',
      range: [0, 24, 0, 28],
      message: 'The title names a single year ("2019"); add each year\'s data to one dataset instead of publishing a dataset per year, and keep the year in a column.',
    });
  });

  for (const [title, year] of [
    ['School Enrollment 2019-20', '2019-20'],
    ['Budget FY2021', 'FY2021'],
    ['Graduation Rates, 2018–2019 School Year', '2018–2019'],
  ]) {
    it(`flags "${year}" in "${title}"`, () => assert.deepStrictEqual(titleFindings(title).map((f) => f.data.year), [year]));
  }

  for (const title of ['Juvenile Arrests', 'Juvenile Arrests 2010-2020', 'Crashes since 2015', 'Enrollment 2015 to present', 'Population in 2010 and 2020', 'Route 2019B Ridership']) {
    it(`does not flag "${title}"`, () => assert.deepStrictEqual(titleFindings(title), []));
  }
});

describe('date-column', () => {
  it('reports a dictionary without a date column at the start of the dataset', () => {
    const text = dictionary('town', 'count');
    assert.deepStrictEqual(lintDictionary(text, 'date-column').map(brief), [
      { rule: 'date-column', range: [0, 0, 0, 5], message: 'No column holds a date; the guidelines recommend one, such as the date each row was last updated.' },
    ]);
  });

  it('accepts a column named, titled or typed as a date', () => {
    for (const column of ['ReportDate', 'fiscal_year', 'month', 'last_updated']) assert.deepStrictEqual(lintDictionary(dictionary('town', column), 'date-column'), [], column);
    const typed = 'columns:\n  - name: reported\n    type: datetime\n    description: When it was reported.\n';
    assert.deepStrictEqual(lintDictionary(typed, 'date-column'), []);
  });

  it('says nothing about a metadata file without columns', () => {
    assert.deepStrictEqual(only(lint('title: Example\n'), 'date-column'), []);
  });
});

describe('readability', () => {
  const hard =
    'This comprehensive administrative dataset enumerates institutional utilization characteristics, encompassing ' +
    'departmental classifications, organizational identification numbers, and longitudinal expenditure documentation ' +
    'across multiple consecutive fiscal reporting periods for participating municipalities.';
  const easy = 'This table counts the meals that schools served in each town. There is one row for each town and month. We add new rows every month. The counts come from the schools.';

  it('counts syllables and grades a whole text', () => {
    assert.deepStrictEqual(['the', 'table', 'served', 'every', 'municipalities', 'readability'].map(syllables), [1, 2, 1, 3, 6, 5]);
    const level = readingLevel(easy);
    assert.deepStrictEqual([level.words, level.sentences, level.grade], [32, 4, 0.4]);
  });

  it('reports a description above the default grade 12 at its key', () => {
    const text = `description: ${hard}\n`;
    const [f, ...rest] = only(lint(text), 'readability');
    assert.deepStrictEqual(rest, []);
    const grade = readingLevel(hard).grade;
    assert.ok(grade > 12);
    assert.deepStrictEqual(brief(f), {
      rule: 'readability',
      range: [0, 0, 0, 11],
      message: `The description reads at grade ${grade} (Flesch-Kincaid); aim for grade 12 or below with shorter sentences and everyday words.`,
    });
    assert.strictEqual(f.severity, 'info');
  });

  it('passes an easy description, and a short one whatever its words', () => {
    assert.deepStrictEqual(only(lint(`description: ${easy}\n`), 'readability'), []);
    assert.deepStrictEqual(only(lint('description: Institutional utilization characteristics.\n'), 'readability'), []);
  });

  it('takes maxGrade and severity from the project configuration', () => {
    const medium = 'Each row counts the students enrolled in a public school district, by grade and by the school year in which they were enrolled.';
    const config = resolveConfig({ rules: { readability: { severity: 'warning', maxGrade: 8 } } });
    const [f] = only(lint(`description: ${medium}\n`, { config }), 'readability');
    assert.strictEqual(f.severity, 'warning');
    assert.deepStrictEqual(f.data, { grade: readingLevel(medium).grade, maxGrade: 8, words: 23, sentences: 1 });
    assert.deepStrictEqual(only(lint(`description: ${medium}\n`), 'readability'), []);
    const relaxed = resolveConfig({ rules: { readability: { maxGrade: 9 } } });
    assert.deepStrictEqual(only(lint(`description: ${medium}\n`, { config: relaxed }), 'readability'), []);
  });

  it('explains a bad maxGrade instead of crashing', () => {
    const config = resolveConfig({ rules: { readability: { maxGrade: 'twelve' } } });
    const errors = lint(`description: ${easy}\n`, { config }).filter((f) => f.rule === 'rule-error');
    assert.deepStrictEqual(errors.map((f) => f.message), ['rule readability could not run: option maxGrade must be a number from 1 to 20, not "twelve"']);
  });
});
