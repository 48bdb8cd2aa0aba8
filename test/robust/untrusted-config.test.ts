/**
 * A workspace someone just cloned must not be able to make plainmeta run code or spend
 * exponential time: `.plainmeta.yaml` is data only, and every string in it is used as data.
 */
import * as assert from 'assert';
import schema from '../../schemas/plainmeta-config.schema.json';
import { globMatcher } from '../../server/src/config/glob';
import { parseConfig } from '../../server/src/config/load';
import { RULE_OPTIONS } from '../../server/src/rules';
import { brief, lint, only } from '../helpers';

const load = (text: string) => parseConfig(text, '.plainmeta.yaml', RULE_OPTIONS);

/** Every schema keyword used anywhere in the schema. */
function keywords(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => keywords(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      out.add(key);
      // Names under "properties" are the config's own keys, not schema keywords.
      if (key === 'properties' || key === 'definitions') Object.values(value as object).forEach((v) => keywords(v, out));
      else keywords(value, out);
    }
  }
  return out;
}

describe('an untrusted workspace configuration', () => {
  it('has a schema with no patterns or formats that would read a string as a regular expression', () => {
    const used = keywords(schema);
    for (const keyword of ['pattern', 'patternProperties', 'format', '$data']) assert.ok(!used.has(keyword), `the schema uses "${keyword}"`);
  });

  it('rejects keys that would load code', () => {
    const loaded = load('plugins: [./evil.js]\nrequire: child_process\nrules:\n  style: off\n');
    assert.deepStrictEqual(loaded.problems.map((p) => p.message), ['the file has an unknown key "plugins"', 'the file has an unknown key "require"']);
    assert.deepStrictEqual(loaded.config.rules, {});
  });

  it('treats allowed terms and acronyms as literal text, never as patterns', () => {
    const text = 'title: DCF data\ndescription: We utilize records.\nlicense: Public Domain\nupdate_frequency: Annually\n';
    const config = load('acronyms:\n  allow: [".*", "D.F", "(a+)+$"]\nterms:\n  allow: [".*", "util.*", "(a|a)*$"]\n').config;
    const findings = lint(text, { config });
    assert.deepStrictEqual(only(findings, 'acronym').map((f) => brief(f).range), [[0, 7, 0, 10]]);
    assert.deepStrictEqual(only(findings, 'plain-language').map((f) => brief(f).range), [[1, 16, 1, 23]]);
  });

  it('matches file globs in time proportional to their length, whatever the glob', () => {
    // As a regular expression (picomatch) this glob backtracks for minutes on a 40-letter name.
    const match = globMatcher(['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '{a,{b,{c,{d,{e,f}}}}}'.repeat(8)]);
    assert.strictEqual(match('a'.repeat(40)), false);
    assert.strictEqual(match('aaab'), false);
    assert.strictEqual(match('a'.repeat(20) + 'b'), true);
  });

  it('matches the globs a project writes', () => {
    const match = globMatcher(['catalog/**/*.yml', 'meta/{a,b}-?.yaml', 'x/[!q]*.yaml', '.hidden/*']);
    const cases: Array<[string, boolean]> = [
      ['catalog/a.yml', true],
      ['catalog/2024/jan/a.yml', true],
      ['catalog/a.yaml', false],
      ['other/catalog/a.yml', false],
      ['meta/a-1.yaml', true],
      ['meta/b-22.yaml', false],
      ['x/q.yaml', false],
      ['x/r.yaml', true],
      ['.hidden/.f', true],
    ];
    assert.deepStrictEqual(cases.map(([p]) => [p, match(p)]), cases);
  });
});
