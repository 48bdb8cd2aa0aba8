import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { applyAndCheck, brief, lint, only } from '../helpers';

const SOURCE = 'plainlanguage.gov, Use simple words and phrases';

describe('rule: plain-language', () => {
  it('replaces "utilize" with "use", safely', () => {
    const text = 'description: Agencies utilize the data.\n';
    const [f] = only(lint(text), 'plain-language');
    assert.deepStrictEqual(brief(f), { rule: 'plain-language', range: [0, 22, 0, 29], message: '"utilize" has a plainer alternative: "use".' });
    assert.deepStrictEqual(f.data, { term: 'utilize', suggestions: ['use'], source: SOURCE });
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Replace with "use"', true]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), 'description: Agencies use the data.\n');
  });

  it('replaces phrases, keeping a capital at the start of a sentence', () => {
    const text = 'description: Prior to 2010 we counted by hand. Utilization grew in order to save time.\n';
    const findings = only(lint(text), 'plain-language');
    assert.deepStrictEqual(findings.map((f) => [brief(f).range, f.data.term, f.data.suggestions]), [
      [[0, 13, 0, 21], 'Prior to', ['Before']],
      [[0, 47, 0, 58], 'Utilization', ['Use']],
      [[0, 64, 0, 75], 'in order to', ['to']],
    ]);
    assert.strictEqual(applyAndCheck(text, findings[0], findings[0].fixes[0]), text.replace('Prior to', 'Before'));
    assert.strictEqual(applyAndCheck(text, findings[1], findings[1].fixes[0]), text.replace('Utilization', 'Use'));
    assert.strictEqual(applyAndCheck(text, findings[2], findings[2].fixes[0]), text.replace('in order to', 'to'));
  });

  it('offers each choice when there are several, none of them automatic', () => {
    const text = 'description: Counting will commence in May.\n';
    const [f] = only(lint(text), 'plain-language');
    assert.deepStrictEqual(f.data.suggestions, ['begin', 'start']);
    assert.strictEqual(f.message, '"commence" has a plainer alternative: "begin" or "start".');
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Replace with "begin"', false], ['Replace with "start"', false]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[1]), 'description: Counting will start in May.\n');
  });

  it('never reads keys, names or vocabulary fields, and honours the project allow list', () => {
    const text = ['title: Meals', 'agency: Utilize Agency', 'columns:', '  - name: utilize', '    description: Meals served.', ''].join('\n');
    assert.deepStrictEqual(only(lint(text), 'plain-language'), []);
    const config = resolveConfig({ terms: { allow: ['utilize'] } });
    assert.deepStrictEqual(only(lint('title: We utilize it\n', { config }), 'plain-language'), []);
  });
});
