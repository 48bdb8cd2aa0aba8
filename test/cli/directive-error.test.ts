import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import AjvDraft04 from 'ajv-draft-04';
import { CLEAN, plainmeta, ROOT } from './run';

/** A clean file but for a directive with a misspelt rule, and the acronym it meant to silence. */
const TEXT = CLEAN + '# plainmeta-disable-next-line acronyn\nrow_label: One CSDE office\n';
const MESSAGE = 'plainmeta has no rule "acronyn", so this comment silences nothing for it. Did you mean "acronym"?';

describe('command line: a directive naming an unknown rule (directive-error)', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-directive-'));
    fs.writeFileSync(path.join(dir, 'meals.metadata.yaml'), TEXT);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lint = (...args: string[]) => plainmeta(dir, 'lint', ...args);

  it('is an error in the stylish output, at the misspelt name, and fails the run', () => {
    const run = lint();
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(
      run.stdout,
      [
        'meals.metadata.yaml',
        `  8:31    error   ${MESSAGE}  directive-error`,
        '  9:16    warning "CSDE" is not defined; spell it out the first time: "Connecticut State Department of Education (CSDE)".  acronym',
        '',
        '2 problems (1 error, 1 warning) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('is in the JSON output with its range, data and (unsafe) fix', () => {
    const [file] = JSON.parse(lint('--format', 'json').stdout).files;
    const range = { start: { line: 7, character: 30 }, end: { line: 7, character: 37 } };
    assert.deepStrictEqual(file.diagnostics[0], {
      rule: 'directive-error',
      severity: 'error',
      message: MESSAGE,
      range,
      data: { rule: 'acronyn', suggestion: 'acronym' },
      fixes: [{ title: 'Change to "acronym"', safe: false, edits: [{ range, newText: 'acronym' }] }],
    });
  });

  it('is a SARIF result pointing at a rule the driver lists, and the log is valid SARIF 2.1.0', () => {
    const stdout = lint('--format', 'sarif').stdout;
    const sarif = JSON.parse(stdout);
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors, null, 2));
    const { rules } = sarif.runs[0].tool.driver;
    const result = sarif.runs[0].results[0];
    assert.strictEqual(result.ruleId, 'directive-error');
    assert.deepStrictEqual(rules[result.ruleIndex], {
      id: 'directive-error',
      shortDescription: { text: 'A plainmeta-disable or -enable comment names a rule or directive plainmeta does not know, so it turns nothing off for it.' },
      helpUri: 'https://github.com/plainmeta/plainmeta/blob/main/docs/rules/directive-error.md',
      defaultConfiguration: { level: 'error' },
    });
    assert.strictEqual(result.level, 'error');
    assert.deepStrictEqual(result.locations[0].physicalLocation.region, { startLine: 8, startColumn: 31, endLine: 8, endColumn: 38 });
    assert.deepStrictEqual(result.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 8, startColumn: 31, endLine: 8, endColumn: 38 }, insertedContent: { text: 'acronym' } }]);
  });

  it('--fix leaves the directive for a person to correct (its fix silences findings) and applies the safe ones', () => {
    const run = lint('--fix');
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'meals.metadata.yaml'), 'utf8'), TEXT.replace('One CSDE office', 'One Connecticut State Department of Education (CSDE) office'));
    assert.match(run.stdout, /8:31 {4}error {3}plainmeta has no rule "acronyn"/);
  });
});
