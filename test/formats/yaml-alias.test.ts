import * as assert from 'assert';
import { nativeDictionary } from '../../server/src/formats/native';
import { applyAndCheck, brief, lint, only } from '../helpers';

const DICTIONARY = { path: 'meals.dictionary.yaml' };
const METADATA = [
  'title: Children in Placement',
  'description: &d Children in placement by town. We utilize counts from each office.',
  'category: Health and Human Services',
  'agency: Department of Children and Families',
  'contact_email: data@example.gov',
  'license: Public Domain',
  'update_frequency: Monthly',
  'limitations: *d',
  '',
].join('\n');

describe('YAML aliases', () => {
  it('reads columns through an alias, positioned on the alias and offering no edit', () => {
    const text = ['shared: &cols', '  - name: town', '    description: Town of the school.', '  - name: meals', 'columns: *cols', ''].join('\n');
    const [dataset] = nativeDictionary.parse(text).datasets;
    assert.deepStrictEqual(dataset.columns!.map((c) => c.fields.name!.value), ['town', 'meals']);
    const [f] = only(lint(text, DICTIONARY), 'undocumented-column');
    assert.deepStrictEqual(brief(f), { rule: 'undocumented-column', range: [4, 9, 4, 14], message: 'Column "meals" has no description; say what it measures.' });
    assert.deepStrictEqual(f.fixes, []);
  });

  it('reads an aliased description as the anchored text: not missing, checked, fixed only on the anchor', () => {
    const findings = lint(METADATA);
    assert.deepStrictEqual(only(findings, 'required-field'), []);
    const [onAnchor, onAlias] = only(findings, 'plain-language');
    assert.deepStrictEqual([brief(onAnchor), brief(onAlias)], [
      { rule: 'plain-language', range: [1, 50, 1, 57], message: '"utilize" has a plainer alternative: "use".' },
      { rule: 'plain-language', range: [7, 13, 7, 15], message: '"utilize" has a plainer alternative: "use".' },
    ]);
    assert.deepStrictEqual(onAlias.fixes, []);
    assert.strictEqual(applyAndCheck(METADATA, onAnchor, onAnchor.fixes[0]), METADATA.replace('utilize', 'use'));
  });

  it('offers no fix that replaces an alias with a new value', () => {
    const text = METADATA.replace('license: Public Domain', 'note: &lic Unknown licence\nlicense: *lic');
    const [f] = only(lint(text), 'invalid-value');
    assert.deepStrictEqual(brief(f).range, [6, 9, 6, 13]);
    assert.deepStrictEqual(f.fixes, []);
  });

  it('stops an alias bomb at 10,000 values with one finding, on the alias whose expansion ran over', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const text = ['columns: []', ...levels, 'more: *h', 'again: *h', ''].join('\n');
    const findings = lint(text, DICTIONARY);
    assert.deepStrictEqual(findings.map(brief), [
      {
        rule: 'parse-error',
        range: [4, 35, 4, 37],
        message: 'YAML alias expansion too large: *c expands to more than 10,000 values or through more than 64 nested aliases; plainmeta reads it and any later alias as empty.',
      },
    ]);
  });

  it('reports an alias that refers to itself, and one with no anchor', () => {
    const text = ['columns: &c', '  - name: town', '    description: *c', 'title: *nothing', ''].join('\n');
    assert.deepStrictEqual(lint(text, DICTIONARY).filter((f) => f.rule === 'parse-error').map((f) => [brief(f).range, f.message]), [
      [[2, 17, 2, 19], 'The alias *c is inside the value it refers to, so it never ends; plainmeta reads it as empty.'],
      [[3, 7, 3, 15], 'The alias *nothing refers to no anchor (&nothing) before it; plainmeta reads it as empty.'],
    ]);
  });
});
