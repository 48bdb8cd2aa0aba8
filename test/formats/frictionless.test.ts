import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { applyAndCheck, brief, covered, lint, only, projectOf } from '../helpers';

const PACKAGE = `{
  "name": "school-meals",
  "title": "School Meals",
  "description": "Meals served \\"free\\" by the SDE, prior to 2020.",
  "resources": [
    {
      "path": "data/meals.csv",
      "schema": {
        "fields": [
          {"name": "town", "description": "Town where the school is"},
          {"name": "meals", "type": "integer"}
        ]
      }
    }
  ]
}
`;
const path = 'datapackage.json';

describe('Frictionless Data Package (JSON)', () => {
  it('reads the package as a dataset and the resource fields as columns', () => {
    const findings = lint(PACKAGE, { path });
    assert.deepStrictEqual(only(findings, 'required-field').map(brief), [
      { rule: 'required-field', range: [1, 2, 1, 8], message: 'Required field "license" is missing.' },
      { rule: 'required-field', range: [1, 2, 1, 8], message: 'Required field "update_frequency" is missing.' },
    ]);
    assert.deepStrictEqual(only(findings, 'undocumented-column').map(brief), [
      { rule: 'undocumented-column', range: [10, 19, 10, 26], message: 'Column "meals" has no description; say what it measures.' },
    ]);
  });

  it('maps positions through JSON escapes', () => {
    const [acronym] = only(lint(PACKAGE, { path }), 'acronym');
    assert.strictEqual(covered(PACKAGE, acronym), 'SDE');
    const [plain] = only(lint(PACKAGE, { path }), 'plain-language');
    assert.strictEqual(covered(PACKAGE, plain), 'prior to');
    const fixed = applyAndCheck(PACKAGE, plain, plain.fixes[0], { path });
    assert.ok(fixed.includes('"description": "Meals served \\"free\\" by the SDE, before 2020.",'));
  });

  it('inserts a license entry before "resources", at the file\'s indentation', () => {
    const license = only(lint(PACKAGE, { path }), 'required-field').find((f) => f.data.field === 'license')!;
    const fix = license.fixes.find((f) => f.title === 'Add license: ODC-PDDL-1.0')!;
    const fixed = applyAndCheck(PACKAGE, license, fix, { path });
    assert.ok(
      fixed.includes(
        '  "description": "Meals served \\"free\\" by the SDE, prior to 2020.",\n' +
          '  "licenses": [{"name": "ODC-PDDL-1.0", "path": "http://opendatacommons.org/licenses/pddl/", "title": "Open Data Commons Public Domain Dedication and License v1.0"}],\n' +
          '  "resources": [\n',
      ),
      fixed,
    );
  });

  it('gives a field a description inside its object, keeping valid JSON', () => {
    const [f] = only(lint(PACKAGE, { path }), 'undocumented-column');
    const fixed = applyAndCheck(PACKAGE, f, f.fixes[0], { path });
    assert.ok(fixed.includes('{"name": "meals", "type": "integer", "description": "Describe what \\"meals\\" measures, in plain words."}'), fixed);
  });

  it('accepts the legacy license shape and the CKAN frequency', () => {
    const text = `{
  "title": "Juvenile Arrests",
  "description": "Number of arrests.",
  "licenses": [{"id": "odc-pddl"}],
  "ckan_extras": {"frequency": {"ckan_name": "Frequency", "value": "Annual"}}
}
`;
    assert.deepStrictEqual(only(lint(text, { path }), 'required-field'), []);
    assert.deepStrictEqual(only(lint(text, { path }), 'invalid-value'), []);
    const urlOnly = text.replace('{"id": "odc-pddl"}', '{"url": "https://opendatacommons.org/licenses/pddl"}');
    assert.deepStrictEqual(only(lint(urlOnly, { path }), 'required-field'), []);
  });

  it('offers the CT wording for the CKAN frequency when the project uses the CT profile', () => {
    const text = `{
  "title": "Juvenile Arrests",
  "description": "Number of arrests.",
  "licenses": [{"id": "odc-pddl"}],
  "ckan_extras": {"frequency": {"value": "R/P1Y"}}
}
`;
    const config = resolveConfig({ profile: 'ct-open-data' });
    const f = only(lint(text, { path, config }), 'invalid-value').find((x) => x.data.field === 'update_frequency')!;
    assert.deepStrictEqual(brief(f), { rule: 'invalid-value', range: [4, 41, 4, 48], message: '"R/P1Y" is not an allowed update frequency; did you mean "Annually"?' });
    assert.strictEqual(f.fixes[0].safe, true);
    const fixed = applyAndCheck(text, f, f.fixes[0], { path, config });
    assert.ok(fixed.includes('{"value": "Annually"}'));
  });

  it('reads Data Package YAML the same way', () => {
    const text = [
      'name: meals',
      'title: School meals',
      'description: Meals served in schools.',
      'licenses:',
      '  - name: ODC-PDDL-1.0',
      'update_frequency: annual',
      'resources:',
      '  - path: data/meals.csv',
      '    schema:',
      '      fields:',
      '        - name: town',
      '          type: string',
      '',
    ].join('\n');
    const findings = lint(text, { path: 'datapackage.yaml' });
    assert.deepStrictEqual(findings.map(brief), [
      { rule: 'date-column', range: [7, 4, 7, 8], message: 'No column holds a date; the guidelines recommend one, such as the date each row was last updated.' },
      { rule: 'undocumented-column', range: [10, 16, 10, 20], message: 'Column "town" has no description; say what it measures.' },
    ]);
    const fixed = applyAndCheck(text, findings[1], findings[1].fixes[0], { path: 'datapackage.yaml' });
    assert.ok(fixed.includes('        - name: town\n          type: string\n          description: Describe what "town" measures, in plain words.\n'), fixed);
  });

  it('checks the columns against the resource\'s CSV header', () => {
    const project = projectOf({ 'data/meals.csv': 'town,meals,year\nHartford,10,2020\n' });
    const findings = only(lint(PACKAGE, { path, project }), 'missing-column');
    assert.deepStrictEqual(findings.map(brief), [
      { rule: 'missing-column', range: [6, 14, 6, 30], message: 'Column "year" is in the header of data/meals.csv but not in this dictionary; add and describe it.' },
    ]);
    const fixed = applyAndCheck(PACKAGE, findings[0], findings[0].fixes[0], { path, project });
    assert.ok(fixed.includes('{"name": "meals", "type": "integer"},\n          {"name": "year", "description": "Describe what \\"year\\" measures, in plain words."}\n'), fixed);
  });
});

describe('Frictionless files that are empty or of the wrong shape', () => {
  it('says so in one finding', () => {
    assert.deepStrictEqual(lint('', { path }).map(brief), [{ rule: 'parse-error', range: [0, 0, 0, 0], message: 'This Data Package is empty; there is nothing to check.' }]);
    assert.deepStrictEqual(lint('[1]', { path }).map(brief), [{ rule: 'parse-error', range: [0, 0, 0, 3], message: 'A Data Package is an object of properties, but this file holds a list.' }]);
  });
});

describe('Frictionless Table Schema', () => {
  it('reads fields as columns and is not a dataset needing a license', () => {
    const text = '{\n  "fields": [\n    {"name": "id", "description": "TBD"}\n  ]\n}\n';
    const findings = lint(text, { path: 'meals.schema.json' });
    assert.deepStrictEqual(findings.map(brief), [
      { rule: 'date-column', range: [1, 2, 1, 10], message: 'No column holds a date; the guidelines recommend one, such as the date each row was last updated.' },
      { rule: 'undocumented-column', range: [2, 34, 2, 39], message: 'Column "id" has a placeholder description ("TBD"); say what it measures.' },
    ]);
    const fixed = applyAndCheck(text, findings[1], findings[1].fixes[0], { path: 'meals.schema.json' });
    assert.ok(fixed.includes('{"name": "id", "description": "Describe what \\"id\\" measures, in plain words."}'));
  });
});
