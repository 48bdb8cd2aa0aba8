import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { parseConfig } from '../../server/src/config/load';
import { lintText } from '../../server/src/engine/lint';
import { RULE_IDS } from '../../server/src/rules';
import { applyAndCheck, brief, covered, lint, only } from '../helpers';

const PORTAL = [
  'display_name: Bridge inspections',
  'notes: "<p>Inspections by the <b>DOT</b>&mdash;we utilize {{ source_name }} records.</p>"',
  'each_row_is_a: Inspection',
  'publishing_frequency: R/P1M',
  'attribution: Department of Transportation',
  'maintainer_email: data@example.gov',
  'license: Public Domain',
  'category: Transportation',
  'agency: Department of Transportation',
  'columns:',
  '  - id: bridge_id',
  '    name: Bridge ID',
  '    description: Bridge ID',
  '',
].join('\n');
const path = 'catalog/bridges.yaml';

describe('portal-style YAML', () => {
  it('is detected by its portal-only keys, or by a files.portal glob', () => {
    assert.strictEqual(lintText(PORTAL, { path }).kind, 'portal');
    assert.strictEqual(lintText('title: x\ndescription: y\n', { path: 'other.yaml' }).kind, undefined);
  });

  it('reads fields through aliases and understands ISO 8601 frequencies', () => {
    const findings = lint(PORTAL, { path });
    assert.deepStrictEqual(only(findings, 'required-field'), []);
    const [frequency] = only(findings, 'invalid-value');
    assert.deepStrictEqual(brief(frequency), { rule: 'invalid-value', range: [3, 22, 3, 27], message: '"R/P1M" is not an allowed update frequency; did you mean "Monthly"?' });
    const fixed = applyAndCheck(PORTAL, frequency, frequency.fixes[0], { path });
    assert.ok(fixed.includes('publishing_frequency: Monthly\n'));
  });

  it('reads columns by id, with name as the title', () => {
    const [f] = only(lint(PORTAL, { path }), 'undocumented-column');
    assert.deepStrictEqual(brief(f), { rule: 'undocumented-column', range: [12, 17, 12, 26], message: 'The description of column "bridge_id" only repeats its name; say what it measures.' });
  });

  it('lints prose inside HTML and around templating, with exact positions', () => {
    const findings = lint(PORTAL, { path });
    const [acronym] = only(findings, 'acronym');
    assert.strictEqual(covered(PORTAL, acronym), 'DOT');
    assert.deepStrictEqual(brief(acronym).range, [1, 33, 1, 36]);
    const [plain] = only(findings, 'plain-language');
    assert.strictEqual(covered(PORTAL, plain), 'utilize');
    const fixed = applyAndCheck(PORTAL, plain, plain.fixes[0], { path });
    assert.ok(fixed.includes('&mdash;we use {{ source_name }} records.'));
    // No rule reads the tags or the entity as words.
    assert.ok(!findings.some((f) => /^(p|b|mdash)$/i.test(covered(PORTAL, f))));
  });

  it('keeps linting a file whose values are unquoted templates', () => {
    const text = 'display_name: {{ title }} of bridges\nnotes: We utilize records.\npublishing_frequency: Monthly\nlicense: Public Domain\n';
    const findings = lint(text, { path });
    assert.deepStrictEqual(only(findings, 'parse-error').map((f) => [f.severity, f.range.start.line]), [['warning', 0]]);
    assert.deepStrictEqual(only(findings, 'plain-language').map((f) => covered(text, f)), ['utilize']);
  });

  it('uses the files.portal glob of the project configuration', () => {
    const config = { ...resolveConfig({ files: { portal: ['catalog/*.yml'] } }, '/project/.plainmeta.yaml') };
    assert.strictEqual(lintText('title: Bridges\n', { path: '/project/catalog/bridges.yml', config }).kind, 'portal');
  });
});

describe('configuration of file kinds', () => {
  it('accepts globs for every kind plainmeta reads', () => {
    const text = 'files:\n  portal: ["catalog/*.yml"]\n  dbt: ["models/**/*.yml"]\n  csv-dictionary: ["docs/*.csv"]\n';
    const loaded = parseConfig(text, '/p/.plainmeta.yaml', RULE_IDS);
    assert.deepStrictEqual(loaded.problems, []);
    assert.deepStrictEqual(loaded.config.files, { portal: ['catalog/*.yml'], dbt: ['models/**/*.yml'], 'csv-dictionary': ['docs/*.csv'] });
    assert.strictEqual(loaded.config.profileChosen, false);
  });
});
