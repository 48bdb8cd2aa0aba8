import * as assert from 'assert';
import { dictionary } from '../../bench/generate';
import { READ_STEPS } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/rules';
import { largeFileSession, ProgressValue } from './progress';

/**
 * A rule walking a large file's prose pauses part way (see CheckSteps), so the server answers
 * requests while it runs. The test acts on the first progress report from inside the acronym
 * rule, and looks at the order in which the server sent its messages: the 2 MB dictionary holds
 * about a megabyte of prose, a dozen pauses of the rule.
 */
describe('a rule over a large file in steps, over stdio', function () {
  this.timeout(60_000);
  const session = largeFileSession();
  const { summary } = session;
  const text = dictionary(2e6);

  const isAcronymPart = (p: ProgressValue | undefined) => p?.kind === 'report' && /^rule acronym: \d{1,3}%$/.test(p.message ?? '');

  it('answers a request sent while the acronym rule walks a large file before that rule ends', async () => {
    const answered = await session.hoverDuring(text, isAcronymPart, 'hover during a rule');
    const { seen } = session;
    const token = seen.find((s) => isAcronymPart(s.progress))!.token;
    const ruleEnd = seen.findIndex((s) => s.token === token && s.progress!.message === 'rule acronym');
    assert.ok(answered >= 0 && ruleEnd > answered, `the hover is answered before the acronym rule ends: ${summary()}`);
    assert.ok(isAcronymPart(seen[answered - 1].progress), `after a step of the rule: ${summary()}`);

    // The bar moves through the rule's share of the lint and never back.
    const reports = seen.filter((s) => s.token === token && s.progress!.kind === 'report').map((s) => s.progress!);
    const index = RULES.findIndex((r) => r.meta.id === 'acronym');
    const [from, to] = [READ_STEPS + index, READ_STEPS + index + 1].map((count) => Math.round((100 * count) / (RULES.length + READ_STEPS)));
    const parts = reports.filter(isAcronymPart).map((p) => p.percentage!);
    assert.ok(parts.length >= 10, JSON.stringify(parts));
    assert.ok(parts.every((p) => p >= from && p <= to), JSON.stringify({ from, to, parts }));
    const all = reports.map((p) => p.percentage!);
    assert.ok(all.every((p, i) => i === 0 || p >= all[i - 1]), JSON.stringify(all));
  });
});
