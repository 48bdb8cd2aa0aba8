import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { countIndependently, IndependentCount, RealKind } from './count';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REAL = path.join(ROOT, 'test', 'fixtures', 'real');
const BIN = path.join(ROOT, 'bin', 'plainmeta.js');

/**
 * Every real file, the kind a person reading it would say it is, and the counts read off by hand
 * (the independent counter must agree with them too, so neither drifts unnoticed).
 */
const MANIFEST: Record<string, { kind: RealKind; expected: IndependentCount }> = {
  'csv/hakai-mussels/data-dictionary.csv': { kind: 'csv-dictionary', expected: { columns: { total: 8, undocumented: 0 }, lackingLicense: 0, lackingFrequency: 0 } },
  'dbt/hubspot/src_hubspot.yml': { kind: 'dbt', expected: { columns: { total: 15, undocumented: 0 }, lackingLicense: 0, lackingFrequency: 0 } },
  'dbt/jaffle-shop/__sources.yml': { kind: 'dbt', expected: { columns: { total: 0, undocumented: 0 }, lackingLicense: 0, lackingFrequency: 0 } },
  'dbt/jaffle-shop/orders.yml': { kind: 'dbt', expected: { columns: { total: 9, undocumented: 2 }, lackingLicense: 0, lackingFrequency: 0 } },
  'dbt/jaffle-shop/stg_customers.yml': { kind: 'dbt', expected: { columns: { total: 1, undocumented: 0 }, lackingLicense: 0, lackingFrequency: 0 } },
  'dbt/nyc-ceqr/_seeds.yml': { kind: 'dbt', expected: { columns: { total: 12, undocumented: 12 }, lackingLicense: 0, lackingFrequency: 0 } },
  'dcat/census-acs/data.json': { kind: 'dcat-us', expected: { lackingLicense: 0, lackingFrequency: 1 } },
  'dcat/fda/data.json': { kind: 'dcat-us', expected: { lackingLicense: 4, lackingFrequency: 1 } },
  'frictionless/ct-public-libraries/datapackage.json': { kind: 'datapackage', expected: { columns: { total: 6, undocumented: 6 }, lackingLicense: 0, lackingFrequency: 0 } },
  'frictionless/gdp/datapackage.json': { kind: 'datapackage', expected: { columns: { total: 4, undocumented: 3 }, lackingLicense: 0, lackingFrequency: 1 } },
  'portal/colp/metadata.yml': { kind: 'portal', expected: { columns: { total: 8, undocumented: 1 }, lackingLicense: 1, lackingFrequency: 1 } },
};

/** Real YAML that is not dataset metadata plainmeta reads: it must stay silent on them. */
const NOT_OURS = ['portal/dcp-housing/dcp_housing.yml'];

interface JsonFile {
  path: string;
  kind: string;
  columns?: { total: number; documented: number };
  diagnostics: Array<{ rule: string; data: Record<string, unknown> }>;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** plainmeta's own count, from `lint --format json` as a user would run it. */
function plainmetaCount(file: JsonFile): IndependentCount {
  const missing = (field: string) => file.diagnostics.filter((d) => d.rule === 'required-field' && d.data.field === field).length;
  const count: IndependentCount = { lackingLicense: missing('license'), lackingFrequency: missing('update_frequency') };
  // `columns` is null in the JSON for a file with no place for columns (a DCAT catalog).
  if (file.columns) count.columns = { total: file.columns.total, undocumented: file.columns.total - file.columns.documented };
  return count;
}

describe('real public files (test/fixtures/real)', function () {
  let files: Map<string, JsonFile>;
  before(() => {
    const run = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', REAL], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(run.status === 0 || run.status === 1, `lint exited ${run.status}: ${run.stderr}`);
    const out = JSON.parse(run.stdout) as { files: JsonFile[] };
    files = new Map(out.files.map((f) => [path.relative(REAL, path.resolve(ROOT, f.path)).replace(/\\/g, '/'), f]));
  });

  it('lists every fixture in the manifest or as not ours', () => {
    const onDisk = filesUnder(REAL).map((f) => path.relative(REAL, f).replace(/\\/g, '/')).filter((f) => f !== 'README.md' && !f.endsWith('.md'));
    assert.deepStrictEqual(onDisk.sort(), [...Object.keys(MANIFEST), ...NOT_OURS].sort());
  });

  it('claims each file as the format a person would say it is, and nothing else', () => {
    const kindOf = (k: RealKind) => (k === 'portal' ? ['portal', 'metadata'] : [k]);
    for (const [file, { kind }] of Object.entries(MANIFEST)) assert.ok(kindOf(kind).includes(files.get(file)?.kind ?? 'unclaimed'), `${file}: ${files.get(file)?.kind ?? 'unclaimed'}`);
    for (const file of NOT_OURS) assert.strictEqual(files.get(file), undefined, file);
  });

  it('lints every file without a parse or rule failure', () => {
    for (const [file, report] of files) {
      assert.deepStrictEqual(report.diagnostics.filter((d) => d.rule === 'parse-error' || d.rule === 'rule-error'), [], file);
    }
  });

  for (const [file, { kind, expected }] of Object.entries(MANIFEST)) {
    it(`counts ${file} as the independent counter does`, () => {
      const independent = countIndependently(kind, fs.readFileSync(path.join(REAL, file), 'utf8'));
      assert.deepStrictEqual(independent, expected, 'the independent counter disagrees with the hand count');
      assert.deepStrictEqual(plainmetaCount(files.get(file)!), expected);
    });
  }
});
