import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { Finding } from '../../server/src/engine/lint';
import { vocabularyFor } from '../../server/src/rules/vocabulary';
import { applyAndCheck, brief, lint, only } from '../helpers';

const PRESENT = [
  'title: School meals served',
  'description: Meals served by town.',
  'category: Education',
  'agency: State Department of Education',
  'contact_email: meals@example.gov',
];

function field(findings: Finding[], name: string): Finding {
  const found = only(findings, 'required-field').filter((f) => f.data.field === name);
  assert.strictEqual(found.length, 1, `one finding for ${name}`);
  return found[0];
}

/** Applies every fix of the finding and checks each inserts `line` for its value at `at`. */
function checkInsertions(text: string, finding: Finding, values: string[], expected: (value: string) => string): void {
  assert.deepStrictEqual(
    finding.fixes.map((f) => [f.title, f.safe]),
    values.map((v) => [`Add ${finding.data.field}: ${v}`, false]),
    'one fix per allowed value, none applied without a person choosing',
  );
  finding.fixes.forEach((fix, i) => assert.strictEqual(applyAndCheck(text, finding, fix), expected(values[i])));
}

describe('rule: required-field', () => {
  const licenses = vocabularyFor('license')!.values;
  const frequencies = vocabularyFor('update_frequency')!.values;

  it('reports a missing license and update frequency at the first key, with data', () => {
    const text = PRESENT.join('\n') + '\n';
    const findings = only(lint(text), 'required-field');
    assert.deepStrictEqual(findings.map(brief), [
      { rule: 'required-field', range: [0, 0, 0, 5], message: 'Required field "license" is missing.' },
      { rule: 'required-field', range: [0, 0, 0, 5], message: 'Required field "update_frequency" is missing.' },
    ]);
    assert.deepStrictEqual(findings.map((f) => f.data), [{ field: 'license' }, { field: 'update_frequency' }]);
    assert.strictEqual(findings[0].severity, 'error');
  });

  it('inserts the missing line before columns:', () => {
    const text = [...PRESENT, 'update_frequency: Monthly', 'columns:', '  - name: town', '    description: Town where the school is.', ''].join('\n');
    const finding = field(lint(text), 'license');
    checkInsertions(text, finding, licenses, (v) =>
      [...PRESENT, 'update_frequency: Monthly', `license: ${v}`, 'columns:', '  - name: town', '    description: Town where the school is.', ''].join('\n'),
    );
  });

  it('inserts at the end of the mapping when there are no columns, one fix per frequency', () => {
    const text = [...PRESENT, 'license: Public Domain', '# last line is a comment', ''].join('\n');
    const finding = field(lint(text), 'update_frequency');
    checkInsertions(text, finding, frequencies, (v) => [...PRESENT, 'license: Public Domain', `update_frequency: ${v}`, '# last line is a comment', ''].join('\n'));
  });

  it('inserts at the indentation of the mapping', () => {
    const text = ['  title: Meals', '  update_frequency: Monthly', '  columns: []', ''].join('\n');
    const finding = field(lint(text, { config: resolveConfig({ profile: 'frictionless' }) }), 'license');
    assert.strictEqual(
      applyAndCheck(text, finding, finding.fixes[0], { config: resolveConfig({ profile: 'frictionless' }) }),
      // The frictionless profile words licenses as Data Package ids.
      ['  title: Meals', '  update_frequency: Monthly', '  license: other-pd', '  columns: []', ''].join('\n'),
    );
  });

  it('inserts into an empty file', () => {
    const finding = field(lint(''), 'license');
    assert.deepStrictEqual(brief(finding).range, [0, 0, 0, 0]);
    checkInsertions('', finding, licenses, (v) => `license: ${v}\n`);
  });

  it('inserts into a file without a trailing newline', () => {
    const text = [...PRESENT, 'update_frequency: Monthly'].join('\n');
    const finding = field(lint(text), 'license');
    assert.strictEqual(applyAndCheck(text, finding, finding.fixes[0]), text + '\nlicense: Public Domain');
  });

  it('inserts with the file\'s CRLF line breaks', () => {
    const text = [...PRESENT, 'update_frequency: Monthly', 'columns:', '  - name: town', '    description: Town where the school is.', ''].join('\r\n');
    const finding = field(lint(text), 'license');
    assert.deepStrictEqual(brief(finding).range, [0, 0, 0, 5]);
    assert.strictEqual(
      applyAndCheck(text, finding, finding.fixes[0]),
      [...PRESENT, 'update_frequency: Monthly', 'license: Public Domain', 'columns:', '  - name: town', '    description: Town where the school is.', ''].join('\r\n'),
    );
  });

  describe('an empty value', () => {
    const cases: Array<[string, string, string]> = [
      ['with nothing after the colon', 'license:', 'license: Public Domain'],
      ['with a comment after the colon', 'license:   # ask legal', 'license: Public Domain   # ask legal'],
      ['in single quotes', "license: ''", "license: 'Public Domain'"],
      ['in double quotes', 'license: "" # ask legal', 'license: "Public Domain" # ask legal'],
      ['as an empty block scalar', 'license: >- # ask legal\n', 'license: Public Domain # ask legal\n'],
    ];
    for (const [name, line, fixedLine] of cases) {
      it(name, () => {
        const text = [...PRESENT, 'update_frequency: Monthly', line, 'keywords: [meals]', ''].join('\n');
        const finding = field(lint(text), 'license');
        assert.strictEqual(finding.message, 'Required field "license" is empty.');
        assert.deepStrictEqual(brief(finding).range, [6, 0, 6, 7], 'on the key');
        assert.strictEqual(finding.fixes.length, licenses.length);
        assert.strictEqual(applyAndCheck(text, finding, finding.fixes[0]), [...PRESENT, 'update_frequency: Monthly', fixedLine, 'keywords: [meals]', ''].join('\n'));
        for (const fix of finding.fixes) applyAndCheck(text, finding, fix);
      });
    }
  });

  it('requires the ct-open-data fields by default and fewer under another profile', () => {
    const text = 'license: Public Domain\nupdate_frequency: Monthly\n';
    assert.deepStrictEqual(
      only(lint(text), 'required-field').map((f) => f.data.field),
      ['title', 'description', 'category', 'agency', 'contact_email'],
    );
    const frictionless = resolveConfig({ profile: 'frictionless' });
    assert.deepStrictEqual(only(lint(text, { config: frictionless }), 'required-field').map((f) => f.data.field), ['title', 'description']);
    // Fields with no vocabulary have nothing to choose from, so no fix is offered.
    assert.deepStrictEqual(only(lint(text), 'required-field').map((f) => f.fixes.length), [0, 0, 10, 0, 0]);
  });

  it('does not ask a data dictionary for dataset fields', () => {
    const text = 'columns:\n  - name: town\n    description: Town where the school is.\n';
    assert.deepStrictEqual(only(lint(text, { path: 'meals.dictionary.yaml' }), 'required-field'), []);
  });
});
