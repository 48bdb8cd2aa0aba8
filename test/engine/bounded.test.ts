import * as assert from 'assert';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/engine/lint';
import { brief, lint, only } from '../helpers';

describe('bounded output for huge values', () => {
  // 1,500 sentences on one line, each with one "utilize" (plain-language), one "DCF" (acronym) and
  // one "really" (style, which leaves "utilize" to plain-language).
  const sentence = 'We utilize DCF counts, really. ';
  const description = sentence.repeat(1500).trimEnd();
  const text = `title: Placements\ndescription: ${description}\nlicense: Public Domain\nupdate_frequency: Monthly\n`;
  const at = (n: number, word: string) => 13 + n * sentence.length + sentence.indexOf(word);

  it(`shows ${MAX_FINDINGS_PER_RULE} findings per rule and one "… and N more" finding for the rest`, () => {
    assert.strictEqual(MAX_FINDINGS_PER_RULE, 1000);
    const findings = lint(text);
    const plain = only(findings, 'plain-language');
    assert.strictEqual(plain.length, 1001);
    assert.ok(plain.slice(0, 1000).every((f) => f.message === '"utilize" has a plainer alternative: "use".' && f.fixes.length === 1));
    const more = plain[1000];
    assert.deepStrictEqual(brief(more), { rule: 'plain-language', range: [1, at(1000, 'utilize'), 1, at(1000, 'utilize') + 7], message: '… and 500 more plain-language findings not shown.' });
    assert.deepStrictEqual([more.severity, more.data, more.fixes], ['warning', { hidden: 500 }, []]);
    const acronyms = only(findings, 'acronym');
    assert.strictEqual(acronyms.length, 1001);
    assert.strictEqual(acronyms[1000].message, '… and 500 more acronym findings not shown.');
    assert.strictEqual(only(findings, 'style').filter((f) => f.message.startsWith('…')).length, 1);
  });

  it('shows every finding of a rule with exactly the limit', () => {
    const exact = text.replace(description, sentence.repeat(1000).trimEnd());
    assert.strictEqual(only(lint(exact), 'plain-language').length, 1000);
  });
});
