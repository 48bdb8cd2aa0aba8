import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { resolveConfig } from '../../server/src/config/config';
import { lint, only } from '../helpers';
import { ROOT } from '../sentences';

/** Every data file and the schema it must follow; a new file without an entry here fails below. */
const SCHEMAS: Record<string, string> = {
  'person-centered.json': 'word-list.schema.json',
  'plain-language.json': 'word-list.schema.json',
  'acronyms.json': 'acronyms.schema.json',
  'vocabularies.json': 'vocabularies.schema.json',
  'frequencies.json': 'frequencies.schema.json',
  'licenses.json': 'licenses.schema.json',
  'write-good.json': 'write-good.schema.json',
};

const dataDir = path.join(ROOT, 'server/src/data');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('data files', () => {
  it('each has a schema', () => {
    assert.deepStrictEqual(fs.readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort(), Object.keys(SCHEMAS).sort());
  });

  for (const [name, schemaName] of Object.entries(SCHEMAS)) {
    it(`${name} validates against schemas/${schemaName}`, () => {
      const ajv = new Ajv({ allErrors: true, strict: true });
      const validate = ajv.compile(readJson(path.join(ROOT, 'schemas', schemaName)));
      const data = readJson(path.join(dataDir, name)) as { $schema?: string };
      const ok = validate(data);
      assert.ok(ok, `${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
      if (data.$schema) assert.strictEqual(path.resolve(dataDir, data.$schema), path.join(ROOT, 'schemas', schemaName));
    });
  }

  for (const name of ['person-centered.json', 'plain-language.json']) {
    it(`${name} lists each form once, so none is silently shadowed`, () => {
      const forms = readJson(path.join(dataDir, name)).entries.flatMap((e: { forms: Array<{ match: string }> }) => e.forms.map((f) => f.match));
      assert.deepStrictEqual(forms.filter((f: string, i: number) => forms.indexOf(f) !== i), []);
    });
  }

  it('vocabularies map each synonym onto an allowed value', () => {
    const vocabularies = readJson(path.join(dataDir, 'vocabularies.json'));
    for (const [field, v] of Object.entries<{ values: string[]; synonyms: Record<string, string> }>(vocabularies)) {
      for (const [synonym, value] of Object.entries(v.synonyms)) assert.ok(v.values.includes(value), `${field}: ${synonym} → ${value}`);
    }
  });

  it('rejects a word list that carries a pattern instead of words', () => {
    const ajv = new Ajv({ strict: true });
    const validate = ajv.compile(readJson(path.join(ROOT, 'schemas/word-list.schema.json')));
    const source = { name: 'x', url: 'https://example.gov' };
    assert.strictEqual(validate({ entries: [{ term: 'x', forms: [{ match: 'inmates?', replace: ['y'] }], source }] }), false);
    assert.strictEqual(validate({ entries: [{ term: 'x', notBefore: ['(a|b)'], forms: [{ match: 'x', replace: ['y'] }], source }] }), false);
  });
});

describe('acronym glossary and allow list', () => {
  const acronyms = (text: string, config = resolveConfig()) => only(lint(text, { config }), 'acronym').map((f) => f.data);

  it('expands Connecticut and federal agencies from the built-in glossary', () => {
    assert.deepStrictEqual(acronyms('description: Reported by DESPP to the FBI under UCR and by CTData.\n'), [
      { acronym: 'DESPP', expansion: 'Department of Emergency Services and Public Protection' },
      { acronym: 'UCR', expansion: 'Uniform Crime Reporting' },
      { acronym: 'CTData', expansion: 'Connecticut Data Collaborative' },
    ]);
  });

  it('lets a project allow an acronym and override an expansion', () => {
    const config = resolveConfig({ acronyms: { allow: ['UCR'], glossary: { DESPP: 'Emergency Services and Public Protection', XYZ: 'Example Yard Zone' } } });
    assert.deepStrictEqual(acronyms('description: DESPP and UCR and XYZ.\n', config), [
      { acronym: 'DESPP', expansion: 'Emergency Services and Public Protection' },
      { acronym: 'XYZ', expansion: 'Example Yard Zone' },
    ]);
  });

  it('expands every glossary entry it detects as an acronym', () => {
    const { glossary } = readJson(path.join(dataDir, 'acronyms.json')) as { glossary: Record<string, string> };
    for (const [acronym, expansion] of Object.entries(glossary)) {
      const found = acronyms(`description: Data from ${acronym} by town.\n`);
      assert.deepStrictEqual(found, [{ acronym, expansion }], acronym);
    }
  });
});
