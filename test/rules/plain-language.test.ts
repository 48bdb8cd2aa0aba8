import * as assert from 'assert';
import { applyAndCheck, brief, covered, lint, only } from '../helpers';

const file = (sentence: string) => `description: ${JSON.stringify(sentence)}\n`;
const terms = (sentence: string) => only(lint(file(sentence)), 'plain-language').map((f) => f.data.term);

describe('plain-language', () => {
  it('flags words from plainlanguage.gov with the exact range and message', () => {
    const text = file('Data are updated on a monthly basis.');
    const [f] = only(lint(text), 'plain-language');
    assert.deepStrictEqual(brief(f), {
      rule: 'plain-language',
      range: [0, 31, 0, 49],
      message: '"on a monthly basis" has a plainer alternative: "monthly".',
    });
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), file('Data are updated monthly.'));
  });

  it('keeps the inflection of a verb', () => {
    const text = file('Records were utilized and disseminated; staff are utilizing them.');
    const fs = only(lint(text), 'plain-language');
    assert.deepStrictEqual(fs.map((f) => [covered(text, f), f.fixes.map((x) => x.edits[0].newText)]), [
      ['utilized', ['used']],
      ['disseminated', ['shared', 'sent']],
      ['utilizing', ['using']],
    ]);
  });

  it('offers to omit what the guide says to omit, as a fix a person applies', () => {
    const text = file('Data collected during the month of January.');
    const [f] = only(lint(text), 'plain-language');
    assert.strictEqual(f.message, '"the month of" adds nothing a reader needs; omit it.');
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Remove "the month of"', false]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), file('Data collected during January.'));
  });

  it('flags government-data jargon', () => {
    assert.deepStrictEqual(terms('Counts disaggregated by race, per capita and per annum.'), ['disaggregated by', 'per capita', 'per annum']);
  });

  for (const sentence of [
    'Maximum and minimum temperature at each street address.',
    'Counts are aggregated by town and indicate whether a permit was issued.',
    'This dataset provides the type of each facility.',
    'Census tract of residence of the mother.',
    'Participants in the Accelerated Rehabilitation program.',
    'Cases of sexually transmitted infections by county.',
    'Point in time count of people experiencing homelessness.',
    'Full-time equivalent employees by agency.',
    'Monitor readings for ozone, with the methodology in the attachment.',
    'Number of building permits and arrest warrants.',
    'Retained earnings reported by each hospital.',
  ]) {
    it(`does not flag data vocabulary in "${sentence}"`, () => assert.deepStrictEqual(terms(sentence), []));
  }
});
