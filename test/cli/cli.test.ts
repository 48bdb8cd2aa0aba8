import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import AjvDraft04 from 'ajv-draft-04';
import { RULES } from '../../server/src/rules';
import { CLEAN, plainmeta, ROOT } from './run';

/** CLEAN with a prose problem that has a safe fix, and an undocumented column (warnings only). */
const WARNINGS = CLEAN.replace('Number of meals that schools served', 'Schools utilize the count') + 'columns:\n  - name: town\n';

describe('command line (node bin/plainmeta.js)', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(relative: string, text: string | Buffer): string {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  describe('exit status', () => {
    it('0 for a clean file', () => {
      write('meals.metadata.yaml', CLEAN);
      const run = plainmeta(dir, 'lint', 'meals.metadata.yaml');
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(run.stdout, '1 file checked, no problems.\n');
    });

    it('1 when there are errors', () => {
      write('meals.metadata.yaml', CLEAN.replace('license: Public Domain\n', ''));
      const run = plainmeta(dir, 'lint');
      assert.strictEqual(run.status, 1);
      assert.match(run.stdout, /^meals\.metadata\.yaml\n {2}1:1 {5}error {3}Required field "license" is missing\. {2}required-field\n/);
    });

    it('0 with warnings, 1 when they are over --max-warnings', () => {
      write('meals.metadata.yaml', WARNINGS);
      assert.strictEqual(plainmeta(dir, 'lint').status, 0);
      assert.strictEqual(plainmeta(dir, 'lint', '--max-warnings', '2').status, 0);
      const over = plainmeta(dir, 'lint', '--max-warnings=1');
      assert.strictEqual(over.status, 1);
      assert.strictEqual(over.stderr, 'plainmeta: 2 warnings, more than --max-warnings 1\n');
    });

    const usage: Array<[string, string[], string]> = [
      ['an unknown flag', ['lint', '--fixx'], 'plainmeta: unknown option --fixx'],
      ['an unknown format', ['lint', '--format', 'xml'], 'plainmeta: --format must be one of stylish, json, sarif'],
      ['a bad --max-warnings', ['lint', '--max-warnings', 'many'], 'plainmeta: --max-warnings needs a number of 0 or more, not "many"'],
      ['a flag without its value', ['lint', '--config'], 'plainmeta: --config needs a value'],
      ['a --fail-under over 100', ['coverage', '--fail-under', '150'], 'plainmeta: --fail-under needs a number from 0 to 100, not "150"'],
      ['a negative --fail-under', ['coverage', '--fail-under', '-1'], 'plainmeta: --fail-under needs a number from 0 to 100, not "-1"'],
      ['an unknown command', ['check'], 'plainmeta: unknown command "check"'],
      ['a missing path', ['lint', 'nowhere.metadata.yaml'], 'plainmeta: no such file or folder: nowhere.metadata.yaml'],
    ];
    for (const [name, args, message] of usage) {
      it(`2 for ${name}`, () => {
        write('meals.metadata.yaml', CLEAN);
        const run = plainmeta(dir, ...args);
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stderr.split('\n')[0], message);
        assert.strictEqual(run.stdout, '');
      });
    }

    it('2 for an invalid --config, naming the file, line and problem', () => {
      write('meals.metadata.yaml', CLEAN);
      write('strict.yaml', 'rules:\n  style: loud\n');
      const run = plainmeta(dir, 'lint', '--config', 'strict.yaml', '.');
      assert.strictEqual(run.status, 2);
      assert.strictEqual(run.stderr, 'plainmeta: strict.yaml:2:10: "rules.style" must be one of off, hint, info, warning, error\n');
    });

    it('a valid --config is used for every file', () => {
      write('meals.metadata.yaml', WARNINGS);
      write('strict.yaml', 'rules:\n  plain-language: error\n');
      assert.strictEqual(plainmeta(dir, 'lint', '--config', 'strict.yaml', 'meals.metadata.yaml').status, 1);
    });

    it('an invalid .plainmeta.yaml found by walking up is a finding, and linting goes on', () => {
      write('.plainmeta.yaml', 'profile: nope\n');
      write('data/meals.metadata.yaml', CLEAN);
      const run = plainmeta(path.join(dir, 'data'), 'lint', '--format', 'json');
      assert.strictEqual(run.status, 1);
      const [file] = JSON.parse(run.stdout).files;
      assert.deepStrictEqual(file.diagnostics.map((d: { rule: string; message: string }) => [d.rule, d.message]), [
        ['config-error', `${path.join(dir, '.plainmeta.yaml')}:1:10: "profile" must be one of ct-open-data, dcat-us, frictionless`],
      ]);
    });
  });

  describe('--format json', () => {
    it('prints exactly the shape DESIGN.md gives, with paths relative to the working folder', () => {
      write('data/meals.metadata.yaml', WARNINGS);
      write('data/ci.yml', 'title: DCF\n');
      const run = plainmeta(dir, 'lint', '--format', 'json', 'data');
      assert.strictEqual(run.status, 0, run.stderr);
      const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
      assert.deepStrictEqual(JSON.parse(run.stdout), {
        version: 1,
        files: [
          {
            path: 'data/meals.metadata.yaml',
            kind: 'metadata',
            diagnostics: [
              {
                rule: 'date-column',
                severity: 'info',
                message: 'No column holds a date; the guidelines recommend one, such as the date each row was last updated.',
                range: range(0, 0, 0, 5),
                data: {},
                fixes: [],
              },
              {
                rule: 'plain-language',
                severity: 'warning',
                message: '"utilize" has a plainer alternative: "use".',
                range: range(1, 21, 1, 28),
                data: { term: 'utilize', suggestions: ['use'], source: 'plainlanguage.gov, Use simple words and phrases' },
                fixes: [{ title: 'Replace with "use"', safe: true, edits: [{ range: range(1, 21, 1, 28), newText: 'use' }] }],
              },
              // No style finding on "utilize": plain-language reports it, with a source and a fix.
              {
                rule: 'undocumented-column',
                severity: 'warning',
                message: 'Column "town" has no description; say what it measures.',
                range: range(8, 10, 8, 14),
                data: { column: 'town', reason: 'missing' },
                fixes: [
                  {
                    title: 'Add a description to fill in',
                    safe: false,
                    edits: [{ range: range(9, 0, 9, 0), newText: '    description: Describe what "town" measures, in plain words.\n' }],
                  },
                ],
              },
            ],
            columns: { total: 1, documented: 0 },
          },
        ],
      });
    });

    it('gives columns: null for a file without columns and counts UTF-16 characters', () => {
      write('meals.metadata.yaml', CLEAN.replace('title: School meals', 'title: Café 😀 utilize'));
      const [file] = JSON.parse(plainmeta(dir, 'lint', '--format=json').stdout).files;
      assert.strictEqual(file.columns, null);
      const finding = file.diagnostics.find((d: { rule: string }) => d.rule === 'plain-language');
      assert.deepStrictEqual(finding.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 22 } });
    });
  });

  describe('--format sarif', () => {
    it('is valid SARIF 2.1.0 (checked against the published schema)', () => {
      write('children.metadata.yaml', fs.readFileSync(path.join(ROOT, 'examples', 'children-in-placement.metadata.yaml')));
      write('children.dictionary.yaml', fs.readFileSync(path.join(ROOT, 'examples', 'children-in-placement.dictionary.yaml')));
      write('broken.metadata.yaml', 'title: [a\n');
      const run = plainmeta(dir, 'lint', '--format', 'sarif');
      assert.strictEqual(run.status, 1);
      const sarif = JSON.parse(run.stdout);
      const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      // The schema has a pattern ("…{2}]?") that is only valid without the u flag.
      const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
      const validate = ajv.compile(schema);
      assert.ok(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors, null, 2));
      const results = sarif.runs[0].results;
      assert.ok(results.length > 20);
      // Every result points at a rule the driver lists, by id and index.
      const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
      for (const r of results) assert.strictEqual(rules[r.ruleIndex], r.ruleId);
      const parseError = results.find((r: { ruleId: string }) => r.ruleId === 'parse-error');
      assert.deepStrictEqual(parseError.locations[0].physicalLocation.artifactLocation, { uri: 'broken.metadata.yaml', uriBaseId: '%SRCROOT%' });
      // SARIF lines and columns are one-based.
      const acronym = results.find((r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.ruleId === 'acronym' && r.locations[0].physicalLocation.artifactLocation.uri === 'children.metadata.yaml');
      assert.deepStrictEqual(acronym.locations[0].physicalLocation.region, { startLine: 2, startColumn: 8, endLine: 2, endColumn: 11 });
    });
  });

  describe('--fix', () => {
    const BEFORE = [
      'title: DCF meals',
      'description: >-',
      '  Schools utilize the the count of inmates',
      '  in order to plan.',
      'category: Education',
      'agency: State Department of Education',
      'contact_email: meals@example.gov',
      'update_frequency: yearly',
      'license: Public Domain',
      '',
    ].join('\n');
    // Safe fixes only: define DCF, "use", the repeated "the", "to", "Annually". "inmates" needs a person.
    const AFTER = [
      'title: Department of Children and Families (DCF) meals',
      'description: >-',
      '  Schools use the count of inmates',
      '  to plan.',
      'category: Education',
      'agency: State Department of Education',
      'contact_email: meals@example.gov',
      'update_frequency: Annually',
      'license: Public Domain',
      '',
    ].join('\n');

    it('applies only safe fixes, atomically, and a second run changes nothing', () => {
      const file = write('meals.metadata.yaml', BEFORE);
      fs.chmodSync(file, 0o640);
      const first = plainmeta(dir, 'lint', '--fix');
      assert.strictEqual(first.status, 0, first.stdout + first.stderr);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), AFTER);
      assert.match(first.stdout, /^meals\.metadata\.yaml {2}\(fixed 5 problems\)\n/);
      assert.match(first.stdout, /"inmates" labels people/);
      assert.deepStrictEqual(fs.readdirSync(dir), ['meals.metadata.yaml'], 'no temporary file is left behind');
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640, 'the file keeps its permissions');
      const mtime = fs.statSync(file).mtimeMs;
      const second = plainmeta(dir, 'lint', '--fix');
      assert.strictEqual(second.status, 0);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), AFTER);
      assert.strictEqual(fs.statSync(file).mtimeMs, mtime, 'a second run does not write');
      assert.doesNotMatch(second.stdout, /fixed/);
    });

    it('keeps a byte-order mark and CRLF line breaks', () => {
      const crlf = (s: string) => s.replace(/\n/g, '\r\n');
      const file = write('meals.metadata.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(BEFORE))]));
      assert.strictEqual(plainmeta(dir, 'lint', '--fix').status, 0);
      const bytes = fs.readFileSync(file);
      assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.strictEqual(bytes.subarray(3).toString('utf8'), crlf(AFTER));
      assert.strictEqual(plainmeta(dir, 'lint', '--fix').stdout.includes('fixed'), false);
    });

    it('does not write through a symbolic link', () => {
      const target = write('real/meals.metadata.yaml', BEFORE);
      fs.symlinkSync(target, path.join(dir, 'link.metadata.yaml'));
      const run = plainmeta(dir, 'lint', '--fix', 'link.metadata.yaml');
      assert.match(run.stdout, /link\.metadata\.yaml {2}\(not written: it is a symbolic link\)/);
      assert.strictEqual(fs.readFileSync(target, 'utf8'), BEFORE);
    });
  });

  describe('a folder argument', () => {
    it('lints every recognised file under it and ignores other YAML', () => {
      write('data/a.metadata.yaml', CLEAN);
      write('data/deep/er/metadata.yml', CLEAN);
      write('data/b.dictionary.yaml', 'columns:\n  - name: town\n    description: Town name.\n');
      write('data/deep/data-dictionary.yml', 'columns: []\n');
      write('data/.github/workflows/ci.yml', 'on: push\n');
      write('data/docker-compose.yaml', 'services: {}\n');
      write('data/node_modules/x/metadata.yaml', 'title: ignored\n');
      write('data/notes.txt', 'DCF\n');
      const run = plainmeta(dir, 'lint', '--format', 'json', 'data');
      const files = JSON.parse(run.stdout).files.map((f: { path: string; kind: string }) => [f.path, f.kind]);
      assert.deepStrictEqual(files, [
        ['data/a.metadata.yaml', 'metadata'],
        ['data/b.dictionary.yaml', 'dictionary'],
        ['data/deep/data-dictionary.yml', 'dictionary'],
        ['data/deep/er/metadata.yml', 'metadata'],
      ]);
      assert.strictEqual(run.stderr, '');
    });

    it('says when a file given by name is not one it reads', () => {
      write('ci.yml', 'on: push\n');
      const run = plainmeta(dir, 'lint', 'ci.yml');
      assert.strictEqual(run.status, 0);
      assert.strictEqual(run.stderr, 'plainmeta: skipped ci.yml: not a metadata or data dictionary file plainmeta recognises\n');
    });
  });

  describe('coverage', () => {
    beforeEach(() => {
      write('a.dictionary.yaml', 'columns:\n  - name: town\n    description: Town where the school is.\n  - name: meals\n    description: TBD\n  - name: year\n');
      write('b.metadata.yaml', CLEAN + 'columns:\n  - name: month\n    description: Month of service.\n');
      write('c.metadata.yaml', CLEAN);
    });

    it('prints a table', () => {
      const run = plainmeta(dir, 'coverage');
      assert.strictEqual(run.status, 0);
      assert.strictEqual(run.stdout, ['a.dictionary.yaml        1/3   33.3%', 'b.metadata.yaml          1/1    100%', 'all files                2/4     50%', ''].join('\n'));
    });

    it('prints JSON', () => {
      const run = plainmeta(dir, 'coverage', '--format', 'json');
      assert.deepStrictEqual(JSON.parse(run.stdout), {
        files: [
          { path: 'a.dictionary.yaml', total: 3, documented: 1, percent: 33.3 },
          { path: 'b.metadata.yaml', total: 1, documented: 1, percent: 100 },
        ],
        total: 4,
        documented: 2,
        percent: 50,
      });
    });

    it('prints Markdown', () => {
      const run = plainmeta(dir, 'coverage', '--format', 'markdown');
      assert.strictEqual(run.stdout, ['| file | documented | percent |', '|---|---|---|', '| a.dictionary.yaml | 1/3 | 33.3% |', '| b.metadata.yaml | 1/1 | 100% |', '| all files | 2/4 | 50% |', ''].join('\n'));
    });

    it('fails under a threshold', () => {
      assert.strictEqual(plainmeta(dir, 'coverage', '--fail-under', '50').status, 0);
      assert.strictEqual(plainmeta(dir, 'coverage', '--fail-under', '50.1').status, 1);
      assert.strictEqual(plainmeta(dir, 'coverage', '--fail-under', 'half').status, 2);
      assert.strictEqual(plainmeta(dir, 'coverage', '--fail-under', '100').status, 1);
    });
  });

  describe('the bundled examples (what README.md says of them)', () => {
    const rulesBy = (files: Array<{ path: string; diagnostics: Array<{ rule: string }> }>, prefix: string) =>
      [...new Set(files.filter((f) => f.path.startsWith(prefix)).flatMap((f) => f.diagnostics.map((d) => d.rule)))].sort();

    it('children-in-placement.* trigger every rule, and examples/clean/ has no findings', () => {
      const run = plainmeta(ROOT, 'lint', 'examples/', '--format', 'json');
      assert.strictEqual(run.status, 1, run.stderr);
      const { files } = JSON.parse(run.stdout);
      assert.deepStrictEqual(rulesBy(files, 'examples/children-in-placement.'), RULES.map((r) => r.meta.id).sort());
      const clean = files.filter((f: { path: string }) => f.path.startsWith('examples/clean/'));
      assert.deepStrictEqual(clean.map((f: { path: string }) => f.path).sort(), [
        'examples/clean/bridge-inspections/datapackage.json',
        'examples/clean/school-meals-dictionary.csv',
        'examples/clean/school-meals.dictionary.yaml',
        'examples/clean/school-meals.metadata.yaml',
      ]);
      assert.deepStrictEqual(rulesBy(files, 'examples/clean/'), []);
    });
  });
});
