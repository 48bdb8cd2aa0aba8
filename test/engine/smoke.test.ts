import * as assert from 'assert';
import { applyAndCheck, brief, covered, lint, only } from '../helpers';

describe('engine on a small metadata file', () => {
  const text = [
    'title: DCF placements',
    'description: We utilize court records.',
    'update_frequency: yearly',
    'license: Public Domain',
    'category: Education',
    'agency: Department of Children and Families',
    'contact_email: a@example.gov',
    '',
  ].join('\n');

  it('reports an undefined acronym at its exact position', () => {
    const [f] = only(lint(text), 'acronym');
    assert.deepStrictEqual(brief(f), {
      rule: 'acronym',
      range: [0, 7, 0, 10],
      message: '"DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".',
    });
    assert.deepStrictEqual(f.data, { acronym: 'DCF', expansion: 'Department of Children and Families' });
  });

  it('replaces "utilize" and the result is clean of that finding', () => {
    const [f] = only(lint(text), 'plain-language');
    assert.strictEqual(covered(text, f), 'utilize');
    const fixed = applyAndCheck(text, f, f.fixes[0]);
    assert.ok(fixed.includes('description: We use court records.\n'));
  });

  it('suggests the closest update frequency', () => {
    const [f] = only(lint(text), 'invalid-value');
    assert.deepStrictEqual(brief(f).range, [2, 18, 2, 24]);
    assert.deepStrictEqual(f.data, { field: 'update_frequency', label: 'update frequency', value: 'yearly', suggestions: ['Annually'] });
    const fixed = applyAndCheck(text, f, f.fixes[0]);
    assert.ok(fixed.includes('update_frequency: Annually\n'));
  });
});
