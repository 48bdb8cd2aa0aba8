import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseConfig } from '../../server/src/config/load';
import { configForFile, findConfigFile } from '../../server/src/io/config-files';
import { lintText } from '../../server/src/engine/lint';
import { RULE_IDS, RULE_OPTIONS } from '../../server/src/rules';
import { brief } from '../helpers';

const FILE = ['title: DCF placements', 'description: We utilize the the records.', 'license: Public Domain', 'update_frequency: Monthly', ''].join('\n');

/** Lints a file on disk with the configuration found for it, as the CLI and server do. */
function lintOnDisk(file: string) {
  const loaded = configForFile(file, RULE_OPTIONS);
  return lintText(fs.readFileSync(file, 'utf8'), { path: file, config: loaded.config, configProblems: loaded.problems }).findings;
}

describe('configuration (.plainmeta.yaml)', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function write(relative: string, text: string): string {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  it('is found by walking up from the linted file, nearest first', () => {
    const top = write('.plainmeta.yaml', 'rules:\n  acronym: off\n');
    const file = write('data/meals/meals.metadata.yaml', FILE);
    assert.strictEqual(findConfigFile(file), top);
    assert.deepStrictEqual(lintOnDisk(file).filter((f) => f.rule === 'acronym'), []);
    const near = write('data/.plainmeta.yml', 'rules:\n  plain-language: error\n');
    assert.strictEqual(findConfigFile(file), near);
    const findings = lintOnDisk(file);
    // The nearer file wins whole: acronym is back on, plain-language is an error.
    assert.strictEqual(findings.filter((f) => f.rule === 'acronym').length, 1);
    assert.deepStrictEqual(findings.filter((f) => f.rule === 'plain-language').map((f) => f.severity), ['error']);
  });

  it('applies severity overrides, off, and the object form', () => {
    write('.plainmeta.yaml', 'rules:\n  style: warning\n  acronym: {severity: error}\n  plain-language: off\n');
    const findings = lintOnDisk(write('a.metadata.yaml', FILE));
    const severities = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.severity);
    assert.deepStrictEqual(severities('style'), ['warning', 'warning']);
    assert.deepStrictEqual(severities('acronym'), ['error']);
    assert.deepStrictEqual(severities('plain-language'), []);
  });

  it('reports an invalid value as one finding naming the file, line and problem, and lints with the defaults', () => {
    const config = write('.plainmeta.yaml', 'profile: ct-open-data\nrules:\n  style:\n    severity: loud\n');
    const findings = lintOnDisk(write('a.metadata.yaml', FILE));
    const errors = findings.filter((f) => f.rule === 'config-error');
    assert.deepStrictEqual(errors.map(brief), [
      { rule: 'config-error', range: [0, 0, 0, 0], message: `${config}:4:15: "rules.style.severity" must be one of off, hint, info, warning, error` },
    ]);
    assert.strictEqual(errors[0].severity, 'error');
    assert.deepStrictEqual(errors[0].data, { path: config, line: 4, column: 15, message: '"rules.style.severity" must be one of off, hint, info, warning, error' });
    // Linting went on with the defaults: style's hint on "the the" ("utilize" it leaves to plain-language).
    assert.deepStrictEqual(findings.filter((f) => f.rule === 'style').map((f) => f.severity), ['hint']);
    assert.strictEqual(findings.filter((f) => f.rule === 'acronym').length, 1);
  });

  it('reports invalid YAML at the parser\'s position', () => {
    const config = write('.plainmeta.yaml', 'rules:\n  style: [off\n');
    const [error] = lintOnDisk(write('a.metadata.yaml', FILE)).filter((f) => f.rule === 'config-error');
    assert.match(error.message, new RegExp(`^${config.replace(/[.\\]/g, '\\$&')}:3:1: invalid YAML: `));
  });

  const invalid: Array<[string, string, string]> = [
    ['an unknown profile', 'profile: nope\n', '1:10: "profile" must be one of ct-open-data, dcat-us, frictionless'],
    ['a bad severity', 'rules:\n  style: loud\n', '2:10: "rules.style" must be one of off, hint, info, warning, error'],
    ['a list where a list of acronyms belongs', 'acronyms:\n  allow: FIPS\n', '2:10: "acronyms.allow" must be array'],
    ['an unknown key', 'acronym:\n  allow: [FIPS]\n', '1:1: the file has an unknown key "acronym"'],
    ['not a mapping', '- style\n', '1:1: the file must be object'],
    ['an option that is a list', 'rules:\n  readability: {maxGrade: [1]}\n', '2:27: "rules.readability.maxGrade" must be string,number,boolean'],
  ];
  for (const [name, text, expected] of invalid) {
    it(`reports ${name}`, () => {
      const result = parseConfig(text, '/project/.plainmeta.yaml', RULE_OPTIONS);
      assert.deepStrictEqual(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`), [expected]);
      assert.deepStrictEqual(result.config.rules, {});
    });
  }

  it('names an unknown rule id and still uses the rest of the file', () => {
    const result = parseConfig('rules:\n  acronyms: off\n  style: off\n', '/project/.plainmeta.yaml', RULE_OPTIONS);
    assert.deepStrictEqual(result.problems.map((p) => [p.line, p.column, p.message]), [
      [2, 3, `"rules.acronyms" is not a plainmeta rule; known rules: ${[...RULE_IDS].join(', ')}`],
    ]);
    assert.strictEqual(result.config.rules.style.severity, 'off');
  });

  it('reads the profile, acronyms, terms and file globs', () => {
    write('.plainmeta.yaml', 'profile: frictionless\nacronyms:\n  allow: [DCF]\nterms:\n  allow: [utilize]\nfiles:\n  metadata: ["catalog/**/*.yml"]\n');
    const file = write('catalog/meals/meals.yml', FILE);
    const findings = lintOnDisk(file);
    assert.deepStrictEqual(findings.filter((f) => f.rule !== 'style').map((f) => f.rule), []);
    assert.deepStrictEqual(lintText('a: 1\n', { path: path.join(root, 'other.yml'), config: configForFile(file, RULE_OPTIONS).config }).kind, undefined);
  });

  it('uses the defaults when there is no file', () => {
    const file = write('a.metadata.yaml', FILE);
    const loaded = configForFile(file, RULE_OPTIONS);
    if (findConfigFile(file) === undefined) {
      assert.deepStrictEqual(loaded.problems, []);
      assert.strictEqual(loaded.config.profile, 'ct-open-data');
    }
  });
});

describe('rule options in .plainmeta.yaml', () => {
  const problemsOf = (text: string) => parseConfig(text, '/project/.plainmeta.yaml', RULE_OPTIONS).problems.map((p) => `${p.path}:${p.line}:${p.column}: ${p.message}`);

  it('names a misspelt option at its key, and keeps the severity', () => {
    const result = parseConfig('rules:\n  readability: {severity: info, max-grade: -5}\n', '/project/.plainmeta.yaml', RULE_OPTIONS);
    assert.deepStrictEqual(result.problems.map((p) => `${p.path}:${p.line}:${p.column}: ${p.message}`), [
      '/project/.plainmeta.yaml:2:33: "rules.readability.max-grade" is not an option of readability; its options: maxGrade',
    ]);
    assert.deepStrictEqual(result.config.rules, { readability: { severity: 'info', options: {} } });
  });

  it('names a value of the wrong type or out of range at the value; the rule keeps its default', () => {
    assert.deepStrictEqual(problemsOf('rules:\n  readability:\n    maxGrade: abc\n'), ['/project/.plainmeta.yaml:3:15: "rules.readability.maxGrade" must be a number from 1 to 20, not "abc"']);
    assert.deepStrictEqual(problemsOf('rules:\n  readability: {maxGrade: 25}\n'), ['/project/.plainmeta.yaml:2:27: "rules.readability.maxGrade" must be a number from 1 to 20, not 25']);
    assert.deepStrictEqual(problemsOf('rules:\n  style: {severity: hint, strict: true}\n'), ['/project/.plainmeta.yaml:2:27: "rules.style.strict" is not an option of style; it has no options']);
    assert.deepStrictEqual(problemsOf('rules:\n  readability: {maxGrade: 8}\n'), []);
  });

  it('lints with a bad option as a config-error on the file, never a rule-error', () => {
    const loaded = parseConfig('rules:\n  readability:\n    maxGrade: abc\n', '/project/.plainmeta.yaml', RULE_OPTIONS);
    const findings = lintText('title: Placements\n', { path: 'a.metadata.yaml', config: loaded.config, configProblems: loaded.problems }).findings;
    assert.deepStrictEqual(findings.filter((f) => f.rule === 'config-error' || f.rule === 'rule-error').map((f) => [f.rule, f.message]), [
      ['config-error', '/project/.plainmeta.yaml:3:15: "rules.readability.maxGrade" must be a number from 1 to 20, not "abc"'],
    ]);
  });
});
