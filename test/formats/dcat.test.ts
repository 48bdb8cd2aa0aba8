import * as assert from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { applyAndCheck, brief, lint, only } from '../helpers';

const CATALOG = `{
    "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
    "dataset": [
        {
            "title": "Bridge Inspections",
            "description": "Inspections done by the DOT.",
            "keyword": ["bridges"],
            "publisher": {"name": "Department of Transportation"},
            "contactPoint": {"fn": "Data Team", "hasEmail": "mailto:data@example.gov"},
            "accessLevel": "public",
            "license": "http://creativecommons.org/publicdomain/zero/1.0",
            "accrualPeriodicity": "monthly"
        },
        {
            "title": "Road Closures",
            "description": "Roads closed for work.",
            "keyword": ["roads"],
            "publisher": {"name": "Department of Transportation"},
            "contactPoint": {"fn": "Data Team", "hasEmail": "mailto:data@example.gov"},
            "accessLevel": "public",
            "accrualPeriodicity": "R/P1D"
        }
    ]
}
`;
const path = 'data.json';

describe('DCAT-US catalogs (data.json)', () => {
  it('is detected by content, whatever the file is called', () => {
    assert.strictEqual(lintText(CATALOG, { path: 'catalog/2024-export.json' }).kind, 'dcat-us');
    assert.strictEqual(lintText('{"name": "my-app", "version": "1.0.0"}', { path: 'package.json' }).kind, undefined);
  });

  it('reports per dataset, positioned on that dataset', () => {
    const findings = lint(CATALOG, { path });
    assert.deepStrictEqual(only(findings, 'required-field').map(brief), [
      { rule: 'required-field', range: [14, 12, 14, 19], message: 'Required field "license" is missing.' },
    ]);
    assert.deepStrictEqual(only(findings, 'invalid-value').map(brief), [
      { rule: 'invalid-value', range: [11, 34, 11, 43], message: '"monthly" is not an allowed update frequency; did you mean "R/P1M"?' },
    ]);
    // A license URL is accepted with either scheme and with or without the trailing slash.
    assert.strictEqual(only(findings, 'invalid-value').filter((f) => f.data.field === 'license').length, 0);
  });

  it('offers the ISO 8601 wording for a frequency word', () => {
    const [f] = only(lint(CATALOG, { path }), 'invalid-value');
    assert.strictEqual(f.fixes[0].safe, true);
    const fixed = applyAndCheck(CATALOG, f, f.fixes[0], { path });
    assert.ok(fixed.includes('            "accrualPeriodicity": "R/P1M"\n'));
  });

  it('inserts a missing "license" into the dataset object at its indentation', () => {
    const [f] = only(lint(CATALOG, { path }), 'required-field');
    const fix = f.fixes.find((x) => x.title === 'Add license: https://creativecommons.org/publicdomain/zero/1.0/')!;
    const fixed = applyAndCheck(CATALOG, f, fix, { path });
    assert.ok(
      fixed.includes('            "accrualPeriodicity": "R/P1D",\n            "license": "https://creativecommons.org/publicdomain/zero/1.0/"\n        }\n'),
      fixed,
    );
  });

  it('finds both datasets lacking a license and an update frequency', () => {
    const bare = '{"dataset": [{"title": "A", "accessLevel": "public"}, {"title": "B", "accessLevel": "public", "license": "https://x.example/l"}]}';
    const missing = only(lint(bare, { path }), 'required-field').map((f) => `${f.range.start.character}:${f.data.field}`);
    assert.deepStrictEqual(missing, ['14:description', '14:keywords', '14:publisher', '14:contact_email', '14:license', '14:update_frequency', '55:description', '55:keywords', '55:publisher', '55:contact_email', '55:update_frequency']);
  });
});
