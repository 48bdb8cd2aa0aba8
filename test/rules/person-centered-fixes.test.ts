import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { applyAndCheck, brief, lint, only } from '../helpers';

const SOURCE = 'Connecticut Open Data Publication Guidelines';

describe('rule: person-centered', () => {
  it('"Inmates were" → "People who are incarcerated were", matching case and number', () => {
    const text = 'description: Inmates were counted each year.\n';
    const [f] = only(lint(text), 'person-centered');
    assert.deepStrictEqual(brief(f), {
      rule: 'person-centered',
      range: [0, 13, 0, 20],
      message: '"Inmates" labels people by their circumstance; prefer "People who are incarcerated" or "Incarcerated people".',
    });
    assert.deepStrictEqual(f.data, {
      category: 'corrections',
      term: 'Inmates',
      suggestions: ['People who are incarcerated', 'Incarcerated people'],
      source: SOURCE,
      sourceUrl: 'https://portal.ct.gov/opm/-/media/OPM/Data/Open-Data-Publication-Guidelines.pdf',
    });
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [
      ['Replace with "People who are incarcerated"', false],
      ['Replace with "Incarcerated people"', false],
    ]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), 'description: People who are incarcerated were counted each year.\n');
    assert.strictEqual(applyAndCheck(text, f, f.fixes[1]), 'description: Incarcerated people were counted each year.\n');
  });

  it('moves "retarded" after the people noun it labels, so the fix reads in place', () => {
    const text = 'description: Retarded children in state institutions, 1950-1970.\n';
    const [f] = only(lint(text), 'person-centered');
    assert.deepStrictEqual(brief(f), { rule: 'person-centered', range: [0, 13, 0, 30], message: f.message });
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), 'description: Children with intellectual disabilities in state institutions, 1950-1970.\n');
    const one = 'description: Each mentally retarded adult was counted once.\n';
    const [g] = only(lint(one), 'person-centered');
    assert.strictEqual(applyAndCheck(one, g, g.fixes[0]), 'description: Each adult with an intellectual disability was counted once.\n');
  });

  it('moves a degree adverb with the label, so it does not dangle before the noun', () => {
    const cases: Array<[string, string]> = [
      ['Chronically homeless individuals counted in January.', 'Individuals experiencing chronic homelessness counted in January.'],
      ['Severely retarded children in state institutions.', 'Children with severe intellectual disabilities in state institutions.'],
      ['Each profoundly mentally retarded adult.', 'Each adult with a profound intellectual disability.'],
      ['Severely handicapped students by district.', 'Students with severe disabilities by district.'],
      ['Morbidly obese adults, by age group.', 'Adults with severe obesity, by age group.'],
    ];
    for (const [sentence, after] of cases) {
      const text = `description: ${sentence}\n`;
      const found = only(lint(text), 'person-centered');
      assert.strictEqual(found.length, 1, sentence);
      assert.strictEqual(applyAndCheck(text, found[0], found[0].fixes[0]), `description: ${after}\n`);
    }
  });

  it('keeps the singular and upper case', () => {
    const text = 'title: ONE INMATE PER ROW\ndescription: Each inmate is one row.\n';
    const [upper, lower] = only(lint(text), 'person-centered');
    assert.deepStrictEqual([brief(upper).range, brief(lower).range], [[0, 11, 0, 17], [1, 18, 1, 24]]);
    assert.deepStrictEqual(upper.data.suggestions, ['PERSON WHO IS INCARCERATED', 'INCARCERATED PERSON']);
    assert.strictEqual(applyAndCheck(text, upper, upper.fixes[0]), text.replace('INMATE', 'PERSON WHO IS INCARCERATED'));
    assert.strictEqual(applyAndCheck(text, lower, lower.fixes[1]), text.replace('inmate', 'incarcerated person'));
  });

  it('matches a phrase across a folded line break and in a column description', () => {
    const text = ['title: Shelter use', 'columns:', '  - name: beds', '    description: >-', '      Beds for the', '      homeless each night.', ''].join('\n');
    const [f] = only(lint(text), 'person-centered');
    assert.deepStrictEqual(brief(f).range, [4, 15, 5, 14]);
    assert.deepStrictEqual(f.data.term, 'the\nhomeless'.replace('\n', ' '));
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), text.replace('the\n      homeless', 'people experiencing homelessness'));
  });

  it('does not match inside other words and honours the project allow list', () => {
    assert.deepStrictEqual(only(lint('description: Inmatesque and addictive.\n'), 'person-centered'), []);
    const config = resolveConfig({ terms: { allow: ['addict'] } });
    assert.deepStrictEqual(only(lint('description: Every addict counted.\n', { config }), 'person-centered'), []);
    assert.strictEqual(only(lint('description: Every addict counted.\n'), 'person-centered').length, 1);
  });
});
