import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { lintParsed, parseSafely } from '../../server/src/engine/lint';
import { adapterForKind } from '../../server/src/formats';
import { FormatAdapter } from '../../server/src/formats/adapter';
import { RULES } from '../../server/src/rules';
import { Rule } from '../../server/src/rules/rule';
import { brief } from '../helpers';

const meta = (id: string): Rule['meta'] => ({
  id,
  description: 'A rule that fails, for this test.',
  defaultSeverity: 'warning',
  reads: [],
  fixable: false,
  tags: [],
  messages: { found: 'found {{what}}' },
  rationale: { quote: '', source: '' },
});

const throwing: Rule = {
  meta: meta('throws'),
  check() {
    throw new TypeError("Cannot read properties of undefined (reading 'value')");
  },
};

const unknownMessage: Rule = {
  meta: meta('bad-message'),
  check({ report }) {
    report({ span: { start: 0, end: 5 }, messageId: 'nope', data: {} });
  },
};

const text = 'title: DCF placements\ndescription: We utilize court records.\nlicense: Public Domain\n';

describe('a rule that fails', () => {
  const file = adapterForKind('metadata')!.parse(text);
  const normal = lintParsed(file, DEFAULT_CONFIG).findings.map(brief);

  it('becomes one finding, and every other rule still reports', () => {
    const findings = lintParsed(file, DEFAULT_CONFIG, [], undefined, undefined, [throwing, ...RULES, unknownMessage]).findings.map(brief);
    const failures = findings.filter((f) => f.rule === 'rule-error');
    assert.deepStrictEqual(failures, [
      { rule: 'rule-error', range: [0, 0, 0, 0], message: "rule throws could not run: Cannot read properties of undefined (reading 'value')" },
      { rule: 'rule-error', range: [0, 0, 0, 0], message: 'rule bad-message could not run: rule bad-message reported an unknown message id "nope"' },
    ]);
    assert.deepStrictEqual(findings.filter((f) => f.rule !== 'rule-error'), normal);
    assert.ok(normal.some((f) => f.rule === 'acronym') && normal.some((f) => f.rule === 'plain-language'));
  });

  it('is off like any other rule when its severity is off', () => {
    const config = { ...DEFAULT_CONFIG, rules: { throws: { severity: 'off' as const, options: {} } } };
    assert.deepStrictEqual(lintParsed(file, config, [], undefined, undefined, [throwing]).findings, []);
  });
});

describe('a format adapter that fails', () => {
  it('gives one parse-error finding instead of an exception', () => {
    const broken: FormatAdapter = {
      kind: 'broken',
      label: 'broken format',
      fileNames: [],
      parse: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const file = parseSafely(broken, 'a: b\n');
    assert.deepStrictEqual(file.problems, [
      { message: 'plainmeta could not read this broken format file: Maximum call stack size exceeded', span: { start: 0, end: 0 }, severity: 'error' },
    ]);
    assert.deepStrictEqual(lintParsed(file, DEFAULT_CONFIG).findings.map(brief), [
      { rule: 'parse-error', range: [0, 0, 0, 0], message: 'plainmeta could not read this broken format file: Maximum call stack size exceeded' },
    ]);
  });
});
