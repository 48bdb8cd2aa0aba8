import * as assert from 'assert';
import { Finding } from '../../server/src/engine/lint';
import { applyAndCheck, brief, lint, only } from '../helpers';

const BASE = [
  'title: School meals served',
  'description: Meals served by town.',
  'agency: State Department of Education',
  'contact_email: meals@example.gov',
];

function invalid(text: string): Finding[] {
  return only(lint(text), 'invalid-value');
}

describe('rule: invalid-value', () => {
  it('replaces a known synonym with the allowed value, safely', () => {
    const text = [...BASE, 'category: Education', 'license: Public Domain', 'update_frequency: yearly', ''].join('\n');
    const [f] = invalid(text);
    assert.deepStrictEqual(brief(f), { rule: 'invalid-value', range: [6, 18, 6, 24], message: '"yearly" is not an allowed update frequency; did you mean "Annually"?' });
    assert.deepStrictEqual(f.data, { field: 'update_frequency', label: 'update frequency', value: 'yearly', suggestions: ['Annually'] });
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Replace with "Annually"', true]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), text.replace('yearly', 'Annually'));
  });

  it('fixes the case of an allowed value and keeps the quotes', () => {
    const text = [...BASE, 'category: Education', "license: 'public domain' # see terms", 'update_frequency: Monthly', ''].join('\n');
    const [f] = invalid(text);
    assert.deepStrictEqual(brief(f).range, [5, 9, 5, 24]);
    assert.deepStrictEqual(f.data, { field: 'license', label: 'license', value: 'public domain', suggestions: ['Public Domain'] });
    assert.strictEqual(f.fixes[0].safe, true);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), text.replace("'public domain'", "'Public Domain'"));
  });

  it('offers near spellings, for a person to choose', () => {
    const text = [...BASE, 'category: Education', 'license: Public Domain', 'update_frequency: "Montly"', ''].join('\n');
    const [f] = invalid(text);
    assert.deepStrictEqual(brief(f), { rule: 'invalid-value', range: [6, 18, 6, 26], message: '"Montly" is not an allowed update frequency; did you mean "Monthly"?' });
    assert.deepStrictEqual(f.data.suggestions, ['Monthly']);
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Replace with "Monthly"', false]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), text.replace('"Montly"', '"Monthly"'));
  });

  it('offers every category when nothing is close', () => {
    const text = [...BASE, 'category: Space exploration', 'license: Public Domain', 'update_frequency: Monthly', ''].join('\n');
    const [f] = invalid(text);
    assert.strictEqual(f.message, '"Space exploration" is not an allowed category.');
    assert.strictEqual(f.data.suggestions && (f.data.suggestions as string[]).length, 10);
    assert.strictEqual(f.fixes.length, 10);
    for (const fix of f.fixes) {
      assert.strictEqual(fix.safe, false);
      const value = fix.title.replace(/^Replace with "(.*)"$/, '$1');
      assert.strictEqual(applyAndCheck(text, f, fix), text.replace('Space exploration', value));
    }
  });

  it('checks the access level', () => {
    const text = [...BASE, 'category: Education', 'license: Public Domain', 'update_frequency: Monthly', 'access_level: open', ''].join('\n');
    const [f] = invalid(text);
    assert.deepStrictEqual(brief(f), { rule: 'invalid-value', range: [7, 14, 7, 18], message: '"open" is not an allowed access level; did you mean "public"?' });
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), text.replace('access_level: open', 'access_level: public'));
  });

  it('replaces a value written as a block scalar inside it', () => {
    const text = [...BASE, 'category: Education', 'license: Public Domain', 'update_frequency: >-', '  weekly', ''].join('\n');
    const [f] = invalid(text);
    assert.deepStrictEqual(brief(f).range, [6, 18, 7, 8]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), text.replace('  weekly', '  Weekly'));
  });

  it('accepts allowed values and leaves empty ones to required-field', () => {
    const text = [...BASE, 'category: Education', 'license: Public Domain', 'update_frequency: ""', 'access_level: not available', ''].join('\n');
    assert.deepStrictEqual(invalid(text), []);
  });
});
