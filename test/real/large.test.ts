import * as assert from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { countIndependently } from './count';

/**
 * Inputs the size of real ones, shaped like the real fixtures: a dbt project's properties with
 * 3,000 columns, and a DCAT-US catalog of about 5 MB. They must lint to the end with the same
 * counts the independent counter gives; how long that takes is the benchmarks' business.
 */

/** 100 models of 30 columns; every 7th column has no description, every 11th says "TBD". */
export function largeDbtProperties(): string {
  const out = ['version: 2', '', 'models:'];
  let n = 0;
  for (let m = 0; m < 100; m++) {
    out.push(`  - name: fct_model_${m}`, `    description: '{{ doc("fct_model_${m}") }}'`, '    columns:');
    for (let c = 0; c < 30; c++, n++) {
      out.push(`      - name: column_${m}_${c}`);
      if (n % 7 === 0) continue;
      out.push(`        description: ${n % 11 === 0 ? 'TBD' : `The amount recorded for item ${c} of model ${m}, in US dollars.`}`);
      if (c % 5 === 0) out.push('        data_tests:', '          - not_null');
    }
  }
  return out.join('\n') + '\n';
}

/** DCAT-US records like the federal catalogs'; every 5th lacks a license, every 3rd a frequency. */
export function largeCatalog(records: number): string {
  const dataset = Array.from({ length: records }, (_, i) => ({
    '@type': 'dcat:Dataset',
    accessLevel: 'public',
    ...(i % 3 === 0 ? {} : { accrualPeriodicity: ['R/P1Y', 'irregular', 'R/P1M', 'Irregular'][i % 4] }),
    bureauCode: ['009:10'],
    contactPoint: { '@type': 'vcard:Contact', fn: `Data Office ${i}`, hasEmail: `mailto:data${i}@agency.gov` },
    description: `This list includes products subject to recall in the United States since ${2000 + (i % 20)}. The information is current as of the date indicated and will be revised as soon as possible when we learn that it is not accurate.`,
    distribution: [{ '@type': 'dcat:Distribution', downloadURL: `https://www.agency.gov/data/${i}.csv`, mediaType: 'text/csv', format: 'CSV' }],
    identifier: `agency-${i}`,
    keyword: ['recalls', 'food safety'],
    ...(i % 5 === 0 ? {} : { license: i % 2 ? 'https://creativecommons.org/publicdomain/zero/1.0/' : 'http://www.usa.gov/publicdomain/label/1.0/' }),
    modified: '2024-06-01',
    publisher: { '@type': 'org:Organization', name: 'U.S. Food and Drug Administration' },
    title: `Product Recalls ${i}`,
  }));
  return JSON.stringify({ '@type': 'dcat:Catalog', conformsTo: 'https://project-open-data.cio.gov/v1.1/schema', dataset }, null, 4);
}

describe('inputs the size of real ones', function () {
  this.timeout(300_000);

  it('lints a dbt project of 3,000 columns to the end, counting as the independent counter does', () => {
    const text = largeDbtProperties();
    const result = lintText(text, { path: 'models/_models.yml' });
    const expected = countIndependently('dbt', text).columns!;
    assert.deepStrictEqual(expected, { total: 3000, undocumented: 429 + 273 - 39 });
    assert.deepStrictEqual(result.columns, { total: expected.total, documented: expected.total - expected.undocumented });
    assert.strictEqual(result.findings.filter((f) => f.rule === 'undocumented-column').length, expected.undocumented);
  });

  it('lints a 5 MB data.json to the end, with a finding per dataset lacking a license or a frequency', () => {
    const text = largeCatalog(5200);
    assert.ok(text.length > 5_000_000, `${text.length} characters`);
    const result = lintText(text, { path: 'data.json' });
    const missing = (field: string) => result.findings.filter((f) => f.rule === 'required-field' && f.data.field === field).length;
    assert.deepStrictEqual(result.findings.filter((f) => f.rule === 'parse-error' || f.rule === 'rule-error'), []);
    const expected = countIndependently('dcat-us', text);
    assert.deepStrictEqual(expected, { lackingLicense: 1040, lackingFrequency: 1734 });
    assert.deepStrictEqual({ lackingLicense: missing('license'), lackingFrequency: missing('update_frequency') }, expected);
  });
});
