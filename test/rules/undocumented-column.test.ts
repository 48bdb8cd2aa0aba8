import * as assert from 'assert';
import { Finding } from '../../server/src/engine/lint';
import { applyAndCheck, brief, lint, only } from '../helpers';

const DICTIONARY = { path: 'meals.dictionary.yaml' };

function undocumented(text: string): Finding[] {
  return only(lint(text, DICTIONARY), 'undocumented-column');
}

describe('rule: undocumented-column', () => {
  it('inserts a description line at the column\'s indentation when there is none', () => {
    const text = ['columns:', '  - name: town_name', '    type: text', '  - name: meals', '    description: Meals served that month.', ''].join('\n');
    const [f] = undocumented(text);
    assert.deepStrictEqual(brief(f), { rule: 'undocumented-column', range: [1, 10, 1, 19], message: 'Column "town_name" has no description; say what it measures.' });
    assert.deepStrictEqual(f.data, { column: 'town_name', reason: 'missing' });
    assert.strictEqual(f.severity, 'warning');
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Add a description to fill in', false]]);
    assert.strictEqual(
      applyAndCheck(text, f, f.fixes[0], DICTIONARY),
      ['columns:', '  - name: town_name', '    type: text', '    description: Describe what "town name" measures, in plain words.', '  - name: meals', '    description: Meals served that month.', ''].join('\n'),
    );
  });

  it('follows deeper and shallower indentation, and a last column without a newline', () => {
    const text = ['columns:', '- name: a', '  type: text', '-     name: mealCount', '      type: integer'].join('\n');
    const [a, meals] = undocumented(text);
    assert.deepStrictEqual([brief(a).range, brief(meals).range], [[1, 8, 1, 9], [3, 12, 3, 21]]);
    assert.strictEqual(applyAndCheck(text, a, a.fixes[0], DICTIONARY), text.replace('  type: text', '  type: text\n  description: Describe what "a" measures, in plain words.'));
    assert.strictEqual(applyAndCheck(text, meals, meals.fixes[0], DICTIONARY), text + '\n      description: Describe what "meal count" measures, in plain words.');
  });

  it('inserts with CRLF line breaks in a CRLF file', () => {
    const text = ['columns:', '  - name: town', '    type: text', ''].join('\r\n');
    const [f] = undocumented(text);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0], DICTIONARY), ['columns:', '  - name: town', '    type: text', '    description: Describe what "town" measures, in plain words.', ''].join('\r\n'));
  });

  const STUB = 'Describe what "town" measures, in plain words.';
  // [as written, decoded value, as written after the fix]
  const placeholders: Array<[string, string, string]> = [
    ['TBD', 'TBD', STUB],
    ['"N/A"', 'N/A', '"Describe what \\"town\\" measures, in plain words."'],
    ["'todo.'", 'todo.', `'${STUB}'`],
    ['Unknown # fill in later', 'Unknown', `${STUB} # fill in later`],
  ];
  for (const [written, value, fixedWritten] of placeholders) {
    it(`replaces the placeholder ${written} inside its scalar`, () => {
      const text = ['columns:', '  - name: town', `    description: ${written}`, ''].join('\n');
      const [f] = undocumented(text);
      const length = written.replace(/ #.*/, '').length;
      assert.deepStrictEqual(brief(f), { rule: 'undocumented-column', range: [2, 17, 2, 17 + length], message: `Column "town" has a placeholder description ("${value}"); say what it measures.` });
      assert.deepStrictEqual(f.data, { column: 'town', reason: 'placeholder', description: value });
      assert.strictEqual(applyAndCheck(text, f, f.fixes[0], DICTIONARY), text.replace(written, fixedWritten));
    });
  }

  it('treats an empty or blank description as missing', () => {
    const text = ['columns:', '  - name: town', '    description:', '  - name: year', '    description: "  "', ''].join('\n');
    const [town, year] = undocumented(text);
    assert.deepStrictEqual([town.data, year.data], [{ column: 'town', reason: 'missing' }, { column: 'year', reason: 'missing' }]);
    assert.deepStrictEqual([brief(town).range, brief(year).range], [[1, 10, 1, 14], [3, 10, 3, 14]]);
    assert.strictEqual(applyAndCheck(text, town, town.fixes[0], DICTIONARY), text.replace('description:\n', 'description: Describe what "town" measures, in plain words.\n'));
    assert.strictEqual(applyAndCheck(text, year, year.fixes[0], DICTIONARY), text.replace('"  "', '"Describe what \\"year\\" measures, in plain words."'));
  });

  const repeats: Array<[string, string]> = [
    ['town_name', 'Town Name'],
    ['TownName', 'town name'],
    ['town name', 'TOWN_NAME.'],
    ['zip', '  Zip  '],
  ];
  for (const [name, description] of repeats) {
    it(`flags "${description}" as repeating the name ${name}`, () => {
      const text = ['columns:', `  - name: ${name}`, `    description: "${description}"`, ''].join('\n');
      const [f] = undocumented(text);
      assert.deepStrictEqual(brief(f), { rule: 'undocumented-column', range: [2, 17, 2, 19 + description.length], message: `The description of column "${name}" only repeats its name; say what it measures.` });
      assert.deepStrictEqual(f.data, { column: name, reason: 'repeats-name' });
      applyAndCheck(text, f, f.fixes[0], DICTIONARY);
    });
  }

  it('flags a description that repeats the column title', () => {
    const text = ['columns:', '  - name: mc', '    title: Meal count', '    description: meal-count', ''].join('\n');
    const [f] = undocumented(text);
    assert.deepStrictEqual(f.data, { column: 'mc', reason: 'repeats-name' });
  });

  it('accepts a real description, and checks columns in metadata files too', () => {
    const text = ['columns:', '  - name: town', '    description: Town where the school is.', ''].join('\n');
    assert.deepStrictEqual(undocumented(text), []);
    const metadata = ['title: Meals', 'columns:', '  - name: town', ''].join('\n');
    assert.deepStrictEqual(only(lint(metadata), 'undocumented-column').map((f) => f.data), [{ column: 'town', reason: 'missing' }]);
  });
});
