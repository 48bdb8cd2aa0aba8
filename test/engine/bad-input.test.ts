import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readSource } from '../../server/src/cli/files';
import { lintFile } from '../../server/src/cli/report';
import { Finding, lintText } from '../../server/src/engine/lint';
import { brief } from '../helpers';

const KINDS = ['a.metadata.yaml', 'a.dictionary.yaml'];

/** Findings about reading the file, as brief() gives them. */
function readProblems(text: string, file = 'a.metadata.yaml') {
  return lintText(text, { path: file }).findings.filter((f) => f.rule === 'parse-error').map(brief);
}

describe('bad input', () => {
  it('invalid YAML gives one finding at the parser\'s position', () => {
    assert.deepStrictEqual(readProblems('title: Meals\ndescription: [served\nlicense: Public Domain\n'), [
      { rule: 'parse-error', range: [2, 0, 2, 1], message: 'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]' },
    ]);
    assert.deepStrictEqual(readProblems('title: a\ntitle: b\n'), [{ rule: 'parse-error', range: [1, 0, 1, 1], message: 'YAML syntax: Map keys must be unique' }]);
    assert.deepStrictEqual(readProblems('title:\n\t- tab\n'), [{ rule: 'parse-error', range: [1, 0, 1, 1], message: 'YAML syntax: Tabs are not allowed as indentation' }]);
  });

  it('deep nesting gives one clear finding, not a stack overflow', () => {
    const cases: Array<[string, number]> = [
      // [text, offset of the first collection past the limit]
      [`title: ${'['.repeat(100000)}\n`, 7 + 99],
      [`title: ${'{'.repeat(100000)}\n`, 7 + 99],
      [`${'- '.repeat(100000)}x\n`, 2 * 100],
    ];
    for (const [text, at] of cases) {
      const findings = lintText(text, { path: 'a.metadata.yaml' }).findings;
      assert.deepStrictEqual(findings.map(brief), [
        { rule: 'parse-error', range: [0, at, 0, at + 1], message: 'YAML syntax: lists or mappings are nested more than 100 deep; plainmeta does not read files like this.' },
      ]);
    }
    // The top-level mapping and 99 lists inside it are still read.
    assert.deepStrictEqual(readProblems(`title: ${'['.repeat(99)}${']'.repeat(99)}\n`), []);
  });

  for (const file of KINDS) {
    it(`an empty file and a comments-only file have no reading problem (${file})`, () => {
      assert.deepStrictEqual(readProblems('', file), []);
      assert.deepStrictEqual(readProblems('# to be written\n\n# later\n', file), []);
      assert.deepStrictEqual(readProblems('\ufeff', file), [], 'a stray mark from an editor is not text');
    });
  }

  it('an empty metadata file is asked for its required fields', () => {
    const findings = lintText('# to be written\n', { path: 'a.metadata.yaml' }).findings;
    assert.deepStrictEqual(findings.map((f) => [f.rule, f.data.field]), [
      ['required-field', 'title'], ['required-field', 'description'], ['required-field', 'category'], ['required-field', 'agency'],
      ['required-field', 'contact_email'], ['required-field', 'license'], ['required-field', 'update_frequency'],
    ]);
  });

  it('several documents in one stream: the first is checked and the rest are named', () => {
    const text = 'title: Meals\n---\ntitle: More meals\n---\ntitle: Even more\n';
    assert.deepStrictEqual(readProblems(text), [
      { rule: 'parse-error', range: [1, 0, 1, 0], message: 'This file holds 3 YAML documents; only the first is checked. Keep one dataset per file.' },
    ]);
    assert.strictEqual(lintText(text, { path: 'a.metadata.yaml' }).findings.find((f) => f.rule === 'parse-error')!.severity, 'warning');
  });

  it('a top-level list or a single value is named as such', () => {
    assert.deepStrictEqual(readProblems('- title: Meals\n- title: More\n'), [
      { rule: 'parse-error', range: [0, 0, 2, 0], message: 'Expected the dataset\'s fields as "key: value" lines at the top level, but the file holds a list.' },
    ]);
    assert.deepStrictEqual(readProblems('Meals served by town\n', 'a.dictionary.yaml'), [
      { rule: 'parse-error', range: [0, 0, 0, 20], message: 'Expected the dictionary\'s fields as "key: value" lines at the top level, but the file holds a single value.' },
    ]);
  });

  it('odd shapes inside the file are named, and the rest is linted', () => {
    const text = 'columns:\n  - town\n  - name: year\n';
    const findings = lintText(text, { path: 'a.dictionary.yaml' }).findings;
    assert.deepStrictEqual(findings.map((f) => [f.rule, brief(f).range, f.message]), [
      ['parse-error', [1, 4, 1, 8], 'Each column should be a mapping with at least "name" and "description".'],
      ['undocumented-column', [2, 10, 2, 14], 'Column "year" has no description; say what it measures.'],
    ]);
    assert.deepStrictEqual(readProblems('columns: {town: text}\n', 'a.dictionary.yaml').map((p) => p.message), ['"columns" should be a list, one "- name: …" entry per column.']);
    assert.deepStrictEqual(readProblems('title: Meals\ncolumns:\n'), [], '"columns:" with nothing after it is an empty list');
    assert.deepStrictEqual(readProblems('title: Meals\n', 'a.dictionary.yaml').map((p) => p.message), ['A data dictionary lists its columns under "columns:", and this file has none.']);
  });

  it('shows a non-text value as written', () => {
    const [f] = lintText('license: 1.10\n', { path: 'a.metadata.yaml' }).findings.filter((x) => x.rule === 'invalid-value');
    assert.strictEqual(f.data.value, '1.10');
  });

  it('a YAML file that is neither format is not linted', () => {
    for (const name of ['.github/workflows/ci.yml', 'docker-compose.yaml', 'metadata.json', 'my-metadata.yaml.bak', 'dictionary.yaml.txt']) {
      const result = lintText('title: DCF\nlicense: x\n', { path: name });
      assert.strictEqual(result.kind, undefined, name);
      assert.deepStrictEqual(result.findings, []);
    }
    for (const [name, kind] of [['metadata.yml', 'metadata'], ['data/x.metadata.YAML', 'metadata'], ['data-dictionary.yaml', 'dictionary'], ['c:\\data\\x.dictionary.yml', 'dictionary']]) {
      assert.strictEqual(lintText('', { path: name }).kind, kind, name);
    }
  });

  describe('bytes that are not UTF-8 text, through the CLI reader', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-bytes-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const cases: Array<[string, Buffer, string]> = [
      ['Latin-1', Buffer.from('title: Caf\xe9 meals\n', 'latin1'), 'This file is not valid UTF-8 text; save it as UTF-8.'],
      ['UTF-16 with a mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title: Meals\n', 'utf16le')]), 'This file holds binary data (NUL bytes), not text.'],
      ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'This file holds binary data (NUL bytes), not text.'],
    ];
    for (const [name, bytes, message] of cases) {
      it(`${name}: one clear finding, never an exception`, () => {
        const file = path.join(dir, `${name.replace(/\W+/g, '-')}.metadata.yaml`);
        fs.writeFileSync(file, bytes);
        const source = readSource(file);
        assert.strictEqual(source.unreadable, message);
        assert.strictEqual(source.text, '');
        const report = lintFile(file, { fix: true })!;
        assert.strictEqual(report.kind, 'metadata');
        assert.deepStrictEqual(report.findings.map((f: Finding) => [brief(f), f.severity]), [[{ rule: 'parse-error', range: [0, 0, 0, 0], message }, 'error']]);
        assert.deepStrictEqual(fs.readFileSync(file), bytes, '--fix never touches a file it cannot read');
      });
    }

    it('other binary files under a folder are not read as ours', () => {
      const file = path.join(dir, 'picture.png');
      fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x00]));
      assert.strictEqual(lintFile(file, { fix: false }), undefined);
    });
  });
});
