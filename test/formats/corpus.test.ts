import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FileReport, lintFile } from '../../server/src/cli/report';

/** The shared corpus sits beside the repository (CI clones it there), or at /work/shared/corpus. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const CORPUS = [path.resolve(repoRoot, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((p) => fs.existsSync(path.join(p, 'README.md')));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The README's "| file | columns | undocumented |" rows. */
function expectedCounts(readme: string): Map<string, { total: number; undocumented: number }> {
  const rows = new Map<string, { total: number; undocumented: number }>();
  for (const m of readme.matchAll(/^\|\s*([^|\s]+\.(?:json|ya?ml|csv))\s*\|\s*(\d+)\s*\|\s*(\d+)\b[^|]*\|\s*$/gm)) {
    rows.set(m[1], { total: Number(m[2]), undocumented: Number(m[3]) });
  }
  return rows;
}

describe('the shared corpus of real files', function () {
  if (!CORPUS) {
    it('is present beside the repository', () => assert.fail(`no corpus at ${path.resolve(repoRoot, '..', 'shared', 'corpus')} or /work/shared/corpus`));
    return;
  }
  const corpus = CORPUS;
  const reports = new Map<string, FileReport>();
  before(() => {
    for (const file of filesUnder(corpus)) {
      const report = lintFile(file, { fix: false });
      if (report) reports.set(path.relative(corpus, file).replace(/\\/g, '/'), report);
    }
  });
  const findings = (file: string, rule: string) => reports.get(file)!.findings.filter((f) => f.rule === rule);

  it('lints every file without a rule or parse failure', () => {
    for (const [file, report] of reports) {
      assert.deepStrictEqual(report.findings.filter((f) => f.rule === 'rule-error' || f.rule === 'parse-error').map((f) => f.message), [], file);
    }
  });

  it('counts columns and undocumented columns exactly as the README does', () => {
    const expected = expectedCounts(fs.readFileSync(path.join(corpus, 'README.md'), 'utf8'));
    assert.strictEqual(expected.size, 5, 'the README table should list five files');
    const actual = new Map([...expected.keys()].map((file) => {
      const columns = reports.get(file)?.columns;
      return [file, columns && { total: columns.total, undocumented: columns.total - columns.documented }];
    }));
    assert.deepStrictEqual(actual, expected);
    for (const [file, counts] of expected) assert.strictEqual(findings(file, 'undocumented-column').length, counts.undocumented, file);
  });

  it('accepts the legacy license and the CKAN frequency of the CT files', () => {
    for (const file of ['ct-juvenile-arrests/datapackage.json', 'ct-substance-abuse/datapackage.json']) {
      assert.deepStrictEqual(findings(file, 'required-field').map((f) => f.data.field), [], file);
    }
    assert.deepStrictEqual(findings('country-codes/datapackage.yml', 'required-field').map((f) => f.data.field), ['update_frequency']);
  });

  it('flags the acronyms and labels a reader would', () => {
    const acronyms = (file: string) => new Set(findings(file, 'acronym').map((f) => f.data.acronym));
    // The README also names UCR, but the text defines it ("Uniform Crime Report (UCR)"), which the acronym rule honours.
    for (const a of ['DESPP', 'CTData']) assert.ok(acronyms('ct-juvenile-arrests/datapackage.json').has(a), a);
    // DMHAS is defined in the description ("… Addiction Services (DMHAS)"); the README means its use in the data values.
    assert.ok(!acronyms('ct-substance-abuse/datapackage.json').has('DMHAS'));
    for (const a of ['ITU', 'UN', 'M49']) assert.ok(acronyms('country-codes/datapackage.yml').has(a), a);
    assert.ok(findings('ct-juvenile-arrests/datapackage.json', 'person-centered').some((f) => f.data.term === 'juveniles'));
    assert.ok(findings('ct-substance-abuse/datapackage.json', 'person-centered').some((f) => f.data.term === 'Substance Abuse'));
  });

  it('checks columns against the data files that are there, and says so when one is not', () => {
    assert.deepStrictEqual(findings('ct-substance-abuse/datapackage.json', 'missing-column'), []);
    assert.deepStrictEqual(findings('country-codes/datapackage.yml', 'missing-column'), []);
    assert.deepStrictEqual(findings('ct-juvenile-arrests/datapackage.json', 'missing-column').map((f) => f.message), [
      'Cannot check the columns against data/juvenile-arrests_2015.csv: the file does not exist.',
    ]);
  });
});
