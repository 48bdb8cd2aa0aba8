/**
 * Hostile and broken files through the engine: each gets clear findings at exact positions,
 * never an exception, a hang or unbounded memory.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintFile } from '../../server/src/cli/report';
import { parseConfig } from '../../server/src/config/load';
import { RULE_OPTIONS } from '../../server/src/rules';
import { brief, lint, only } from '../helpers';

const parseErrors = (text: string, file = 'x.metadata.yaml') => only(lint(text, { path: file }), 'parse-error').map(brief);

/** Ten lists of ten aliases to the previous list: 10^10 values if expanded. */
function aliasBomb(): string {
  const lines = ['title: Arrests', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('hostile YAML', () => {
  it('reports an alias bomb once, on the alias whose expansion ran over the budget', () => {
    assert.deepStrictEqual(parseErrors(aliasBomb()), [
      { rule: 'parse-error', range: [4, 44, 4, 47], message: 'YAML alias expansion too large: *a2 expands to more than 10,000 values or through more than 64 nested aliases; plainmeta reads it and any later alias as empty.' },
    ]);
  });

  it('reads ordinary aliases without complaint', () => {
    assert.deepStrictEqual(parseErrors('title: &t Arrests\nrow_label: *t\n'), []);
  });

  it('reports flow nesting 30,000 deep as one finding', () => {
    const text = 'title: ' + '['.repeat(30_000) + ']'.repeat(30_000) + '\n';
    assert.deepStrictEqual(lint(text).map(brief), [
      { rule: 'parse-error', range: [0, 106, 0, 107], message: 'YAML syntax: lists or mappings are nested more than 100 deep; plainmeta does not read files like this.' },
    ]);
  });

  it('reports block sequences nested 30,000 deep as one finding', () => {
    const text = 'columns:\n' + '- '.repeat(30_000) + 'x\n';
    assert.deepStrictEqual(lint(text, { path: 'x.dictionary.yaml' }).map(brief), [
      { rule: 'parse-error', range: [1, 198, 1, 199], message: 'YAML syntax: lists or mappings are nested more than 100 deep; plainmeta does not read files like this.' },
    ]);
  });

  it('reads nesting up to the limit', () => {
    const text = 'title: Arrests\nlimitations: ' + '['.repeat(99) + ']'.repeat(99) + '\n';
    assert.deepStrictEqual(parseErrors(text), []);
  });

  it('lints a description of two megabytes on one line, with the position at its end exact', () => {
    const text = 'title: Arrests\ndescription: ' + 'x'.repeat(2_000_000) + ' DCF\n';
    assert.deepStrictEqual(only(lint(text), 'acronym').map(brief), [
      { rule: 'acronym', range: [1, 2_000_014, 1, 2_000_017], message: '"DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".' },
    ]);
  });

  it('checks only the first of several documents, and says so at the second', () => {
    const text = 'title: DCF counts\n---\ntitle: DMHAS counts\n';
    const findings = lint(text).map(brief);
    assert.deepStrictEqual(only(lint(text), 'parse-error').map(brief), [
      { rule: 'parse-error', range: [1, 0, 1, 0], message: 'This file holds 2 YAML documents; only the first is checked. Keep one dataset per file.' },
    ]);
    assert.deepStrictEqual(findings.filter((f) => f.rule === 'acronym').map((f) => f.range), [[0, 7, 0, 10]]);
  });

  it('reports a top-level list where the fields should be', () => {
    assert.deepStrictEqual(lint('- title: a\n- title: b\n').map(brief), [
      { rule: 'parse-error', range: [0, 0, 2, 0], message: 'Expected the dataset\'s fields as "key: value" lines at the top level, but the file holds a list.' },
    ]);
    assert.deepStrictEqual(lint('just words\n', { path: 'x.dictionary.yaml' }).map(brief), [
      { rule: 'parse-error', range: [0, 0, 0, 10], message: 'Expected the dictionary\'s fields as "key: value" lines at the top level, but the file holds a single value.' },
    ]);
  });

  it('keeps the position of an unterminated quote inside the document', () => {
    assert.deepStrictEqual(parseErrors('title: "abc'), [{ rule: 'parse-error', range: [0, 11, 0, 11], message: 'YAML syntax: Missing closing "quote' }]);
  });

  it('reports a repeated key where it repeats, even in a mapping of thousands', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `k${i}: x`).join('\n');
    assert.deepStrictEqual(parseErrors(`title: a\n${many}\ntitle: b\n`), [{ rule: 'parse-error', range: [5001, 0, 5001, 1], message: 'YAML syntax: Map keys must be unique' }]);
  });

  it('reports a file of thousands of syntax errors as one finding at the first', () => {
    assert.deepStrictEqual(parseErrors('description: "x"' + ' ]'.repeat(1000) + '\n'), [
      { rule: 'parse-error', range: [0, 17, 0, 18], message: 'YAML syntax: Unexpected flow-seq-end token in YAML stream: "]" (and 999 more syntax errors after it)' },
    ]);
  });
});

describe('hostile configuration', () => {
  it('reports an alias bomb in .plainmeta.yaml as one problem and uses the defaults', () => {
    const loaded = parseConfig(aliasBomb().replace('title: Arrests\n', ''), '.plainmeta.yaml', RULE_OPTIONS);
    assert.deepStrictEqual(loaded.problems, [
      { path: '.plainmeta.yaml', line: 1, column: 1, message: 'invalid YAML: its aliases (*name) expand into too many values (Excessive alias count indicates a resource exhaustion attack)' },
    ]);
    assert.strictEqual(loaded.config.profile, 'ct-open-data');
  });

  it('reports deep nesting in .plainmeta.yaml as one problem', () => {
    const loaded = parseConfig('rules: ' + '['.repeat(20_000) + '\n', '.plainmeta.yaml', RULE_OPTIONS);
    assert.deepStrictEqual(loaded.problems, [
      { path: '.plainmeta.yaml', line: 1, column: 107, message: 'invalid YAML: lists or mappings are nested more than 100 deep; plainmeta does not read files like this.' },
    ]);
  });
});

describe('hostile files on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-hostile-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('reports a binary file once', () => {
    const report = lintFile(write('a.metadata.yaml', Buffer.from([0x74, 0x69, 0x00, 0xff, 0x00])), { fix: false })!;
    assert.deepStrictEqual(report.findings.map(brief), [{ rule: 'parse-error', range: [0, 0, 0, 0], message: 'This file holds binary data (NUL bytes), not text.' }]);
  });

  it('reports invalid UTF-8 once', () => {
    const report = lintFile(write('a.metadata.yaml', Buffer.from('title: caf\xe9\n', 'latin1')), { fix: false })!;
    assert.deepStrictEqual(report.findings.map(brief), [{ rule: 'parse-error', range: [0, 0, 0, 0], message: 'This file is not valid UTF-8 text; save it as UTF-8.' }]);
  });

  it('gives exact positions in a file with a byte-order mark and CRLF line ends, and --fix keeps both', () => {
    const file = write('a.metadata.yaml', '\ufefftitle: DCF counts\r\ndescription: >-\r\n  We utilize\r\n  records.\r\nupdate_frequency: yearly\r\n');
    const findings = lintFile(file, { fix: false })!.findings;
    assert.deepStrictEqual(only(findings, 'acronym').map((f) => brief(f).range), [[0, 7, 0, 10]]);
    assert.deepStrictEqual(only(findings, 'plain-language').map((f) => brief(f).range), [[2, 5, 2, 12]]);
    assert.deepStrictEqual(only(findings, 'invalid-value').map((f) => brief(f).range), [[4, 18, 4, 24]]);
    const fixed = lintFile(file, { fix: true })!;
    assert.strictEqual(fixed.writeProblem, undefined);
    assert.strictEqual(
      fs.readFileSync(file, 'utf8'),
      '\ufefftitle: Department of Children and Families (DCF) counts\r\ndescription: >-\r\n  We use\r\n  records.\r\nupdate_frequency: Annually\r\n',
    );
  });

  const dataFileCases = [
    ['does not exist', 'missing.csv', 'Cannot check the columns against missing.csv: the file does not exist.'],
    ['is a directory', 'folder', 'Cannot check the columns against folder: it is a folder, not a data file.'],
  ] as const;
  for (const [what, target, message] of dataFileCases) {
    it(`gives one clear finding, on the value, when data_file ${what}`, () => {
      fs.mkdirSync(path.join(dir, 'folder'));
      const file = write('a.metadata.yaml', `title: Arrests\nlicense: Public Domain\nupdate_frequency: Annually\ndata_file: ${target}\ncolumns:\n  - name: town\n    description: Town name.\n`);
      const report = lintFile(file, { fix: false })!;
      assert.deepStrictEqual(report.findings.filter((f) => f.rule === 'rule-error' || f.rule === 'parse-error').map(brief), []);
      assert.deepStrictEqual(report.findings.filter((f) => f.rule === 'missing-column').map(brief), [
        { rule: 'missing-column', range: [3, 11, 3, 11 + target.length], message },
      ]);
    });
  }
});
