import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { applyAndCheck, brief, lint, only } from '../helpers';

describe('rule: style', () => {
  it('removes a repeated word with the space before it', () => {
    const text = 'description: Counts of the the children.\n';
    const [f] = only(lint(text), 'style');
    assert.deepStrictEqual(brief(f), { rule: 'style', range: [0, 27, 0, 30], message: '"the" is repeated.' });
    assert.deepStrictEqual(f.data, { check: 'illusion', text: 'the', explanation: 'is repeated' });
    assert.strictEqual(f.severity, 'hint');
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Remove the repeated "the"', true]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), 'description: Counts of the children.\n');
  });

  it('offers to remove a repeated "that" or "had" only for a person to choose, as English often means them', () => {
    const text = 'description: Staff found that that count had had errors.\n';
    const findings = only(lint(text), 'style').filter((f) => f.data.check === 'illusion');
    assert.deepStrictEqual(findings.map((f) => [brief(f).range, f.fixes.map((x) => [x.title, x.safe])]), [
      [[0, 30, 0, 34], [['Remove the repeated "that"', false]]],
      [[0, 45, 0, 48], [['Remove the repeated "had"', false]]],
    ]);
    assert.strictEqual(applyAndCheck(text, findings[0], findings[0].fixes[0]), 'description: Staff found that count had had errors.\n');
  });

  it('reports passive voice, weasel words and "there are" without a fix', () => {
    const text = 'description: There are many rows. Data was collected by staff.\n';
    const findings = only(lint(text), 'style');
    assert.deepStrictEqual(
      findings.map((f) => [brief(f).range, f.data.check, f.message, f.fixes.length]),
      [
        [[0, 13, 0, 22], 'thereIs', '"There are" is unnecessary verbiage.', 0],
        [[0, 23, 0, 27], 'weasel', '"many" is a weasel word and can weaken meaning.', 0],
        [[0, 39, 0, 52], 'passive', '"was collected" may be passive voice.', 0],
      ],
    );
  });

  it('reports and removes a repeated word in quotes as a repeated word', () => {
    const text = 'description: He said "data" "data" twice.\n';
    const [f] = only(lint(text), 'style');
    assert.deepStrictEqual(brief(f), { rule: 'style', range: [0, 28, 0, 34], message: '""data"" is repeated.' });
    assert.deepStrictEqual(f.data, { check: 'illusion', text: '"data"', explanation: 'is repeated' });
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), 'description: He said "data" twice.\n');
  });

  it('follows the configured severity, or none when off', () => {
    const text = 'description: Counts of the the children.\n';
    assert.strictEqual(only(lint(text, { config: resolveConfig({ rules: { style: 'info' } }) }), 'style')[0].severity, 'info');
    assert.deepStrictEqual(only(lint(text, { config: resolveConfig({ rules: { style: 'off' } }) }), 'style'), []);
  });
});
