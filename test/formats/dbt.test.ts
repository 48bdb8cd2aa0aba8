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

  it('is detected without "version: 2", as dbt 1.5 and later allow, and other YAML with a models list is not', () => {
    // dbt-labs/jaffle-shop models/staging/stg_customers.yml: no version key.
    const modern = 'models:\n  - name: stg_customers\n    description: Customer data, one row per customer.\n    columns:\n      - name: customer_id\n        description: The unique key for each customer.\n';
    assert.strictEqual(lintText(modern, { path: 'models/stg_customers.yml' }).kind, 'dbt');
    assert.strictEqual(lintText('snapshots:\n  - name: orders_snapshot\n    relation: source("shop", "orders")\n    config:\n      unique_key: id\n', { path: 'snapshots/s.yml' }).kind, 'dbt');
    // An LLM gateway config and an effect-pedal preset both have such lists, and other top-level keys.
    assert.strictEqual(lintText('providers:\n  openai: {}\nmodels:\n  - name: gpt-4o\n    provider: openai\n', { path: 'config.yml' }).kind, undefined);
    assert.strictEqual(lintText('pedalboard: main\nsnapshots:\n  - name: "Clean"\n    state:\n      "0": { bypassed: true }\n', { path: 'board.yml' }).kind, undefined);
  });

  it('follows anchors and merge keys as dbt\'s loader does, and stops an alias bomb', () => {
    const text = [
      'version: 2',
      'x-common: &common',
      '  - name: _loaded_at',
      '    description: When the row was loaded.',
      '  - name: _source',
      '    description: TBD',
      'models:',
      '  - name: a',
      '    columns: *common',
      '  - name: b',
      '    columns:',
      '      - &idcol',
      '        name: id',
      '        description: Primary key of the row.',
      '      - <<: *idcol',
      '        name: parent_id',
      '',
    ].join('\n');
    const result = lintText(text, { path: 'models/schema.yml' });
    // `parent_id` takes its description from the merged `id`; `_source`, read through `*common`, is
    // reported on that alias (an edit at the anchor would change every model sharing it).
    assert.deepStrictEqual(result.columns, { total: 4, documented: 3 });
    assert.deepStrictEqual(only(result.findings, 'undocumented-column').map(brief), [
      { rule: 'undocumented-column', range: [8, 13, 8, 20], message: 'Column "_source" has a placeholder description ("TBD"); say what it measures.' },
    ]);
    let bomb = 'version: 2\na: &a [{name: x}, {name: y}]\n';
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    bomb += 'models:\n  - name: m\n    columns: *i\n';
    // 2 × 9^8 columns if expanded; plainmeta stops at its alias budget and still answers.
    assert.strictEqual(lintText(bomb, { path: 'models/schema.yml' }).kind, 'dbt');
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
