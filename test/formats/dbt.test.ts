import * as assert from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { applyAndCheck, brief, lint, only, projectOf } from '../helpers';

const PROPERTIES = [
  'version: 2',
  '',
  'models:',
  '  - name: orders',
  '    description: Orders we utilize for reporting',
  '    columns:',
  '      - name: order_id',
  '        tests:',
  '          - unique',
  '      - name: status',
  '        description: \'{{ doc("orders_status") }}\'',
  '',
  'sources:',
  '  - name: shop',
  '    tables:',
  '      - name: payments',
  '        columns:',
  '          - name: amount',
  '            description: Amount',
  '',
].join('\n');
const path = 'models/schema.yml';

describe('dbt property files', () => {
  it('is detected by content, and other YAML is not', () => {
    assert.strictEqual(lintText(PROPERTIES, { path }).kind, 'dbt');
    assert.strictEqual(lintText('version: 2\njobs:\n  build: {}\n', { path: '.github/workflows/ci.yml' }).kind, undefined);
  });

  it('reads models and source tables with their columns, and asks no license of them', () => {
    const findings = lint(PROPERTIES, { path });
    assert.deepStrictEqual(only(findings, 'required-field'), []);
    assert.deepStrictEqual(only(findings, 'undocumented-column').map(brief), [
      { rule: 'undocumented-column', range: [6, 14, 6, 22], message: 'Column "order_id" has no description; say what it measures.' },
      { rule: 'undocumented-column', range: [18, 25, 18, 31], message: 'The description of column "amount" only repeats its name; say what it measures.' },
    ]);
    assert.deepStrictEqual(lintText(PROPERTIES, { path }).columns, { total: 3, documented: 1 });
    assert.deepStrictEqual(only(findings, 'plain-language').map(brief), [
      { rule: 'plain-language', range: [4, 27, 4, 34], message: '"utilize" has a plainer alternative: "use".' },
    ]);
  });

  it('gives a column a description at the right indentation', () => {
    const [f] = only(lint(PROPERTIES, { path }), 'undocumented-column');
    const fixed = applyAndCheck(PROPERTIES, f, f.fixes[0], { path });
    assert.ok(fixed.includes('      - name: order_id\n        tests:\n          - unique\n        description: Describe what "order id" measures, in plain words.\n      - name: status\n'), fixed);
  });

  it('resolves doc() references to the project\'s doc blocks', () => {
    const documented = lintText(PROPERTIES, { path, project: projectOf({}, { orders_status: 'One of placed, shipped or returned.' }) });
    assert.deepStrictEqual(documented.columns, { total: 3, documented: 1 });
    const placeholder = lintText(PROPERTIES, { path, project: projectOf({}, { orders_status: 'TBD' }) });
    assert.deepStrictEqual(placeholder.columns, { total: 3, documented: 0 });
    assert.deepStrictEqual(only(placeholder.findings, 'undocumented-column')[1].data, { column: 'status', reason: 'placeholder', description: '{{ doc("orders_status") }}' });
  });
});
