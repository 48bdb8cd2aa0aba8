import * as assert from 'assert';
import Ajv from 'ajv';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { ACTIVATION_PATTERNS, CONFIG_PATTERN, DOCUMENT_PATTERNS } from '../../client/src/files';
import { parseConfig } from '../../server/src/config/load';
import { lintText } from '../../server/src/engine/lint';
import { ADAPTERS, detectFormat } from '../../server/src/formats';
import { nativeDictionary, nativeMetadata } from '../../server/src/formats/native';
import { RULE_OPTIONS } from '../../server/src/rules';
import { VOCABULARY_FIELDS, vocabularyFor } from '../../server/src/rules/vocabulary';
import { ROOT } from './lspClient';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const metadataSchema = JSON.parse(read('schemas/metadata.schema.json'));
const dictionarySchema = JSON.parse(read('schemas/dictionary.schema.json'));
const snippets = JSON.parse(read('snippets/plainmeta-yaml.json')) as Record<string, { prefix: string; body: string[] }>;

/** File names, each detected by name or not at all (whatever their text). */
const NAMES = [
  'children.metadata.yaml', 'data/x.metadata.yml', 'metadata.yaml', 'metadata.yml', 'dictionary.yaml', 'a.dictionary.yaml', 'b.dictionary.yml',
  'data-dictionary.yaml', 'data-dictionary.yml', 'x.data-dictionary.yml', 'datapackage.json', 'pkg/datapackage.yaml', 'datapackage.yml',
  'people.schema.json', 'docs/data_dictionary.csv', 'dictionary.csv',
  'ci.yml', 'docker-compose.yaml', 'mymetadata.yaml', 'dictionary.yaml.bak', 'schema.json', 'package.json', 'rows.csv', 'dictionary.txt',
];

/** A snippet body as inserted when every placeholder keeps its default and every choice its first value. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|((?:\\.|[^|\\])*)\|\}/g, (_, choices: string) => choices.split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** The values of each choice list in a snippet body, in order, unescaped. */
function choiceLists(body: string[]): string[][] {
  return [...body.join('\n').matchAll(/\$\{\d+\|((?:\\.|[^|\\])*)\|\}/g)].map((m) => m[1].split(/(?<!\\),/).map((c) => parse(c.replace(/\\(.)/g, '$1')) as string));
}

describe('what the extension contributes', () => {
  it('is generated from the vocabularies (node scripts/generate-contributions.js --check)', () => {
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-contributions.js'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(check.status, 0, check.stderr);
  });

  it('lists every vocabulary as an enum of the metadata schema, with a description for hover', () => {
    for (const field of VOCABULARY_FIELDS) {
      const vocabulary = vocabularyFor(field)!;
      assert.deepStrictEqual(metadataSchema.properties[field].enum, vocabulary.values, field);
      assert.ok(metadataSchema.properties[field].description, field);
    }
    for (const [key, property] of Object.entries(metadataSchema.properties as Record<string, { description?: string }>)) assert.ok(property.description, key);
  });

  it('accepts the clean examples and rejects a license outside the list', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const metadata = ajv.compile(metadataSchema);
    const dictionary = ajv.compile(dictionarySchema);
    const clean = parse(read('examples/clean/school-meals.metadata.yaml')) as Record<string, unknown>;
    assert.ok(metadata(clean), JSON.stringify(metadata.errors));
    assert.ok(dictionary(parse(read('examples/clean/school-meals.dictionary.yaml'))), JSON.stringify(dictionary.errors));
    assert.strictEqual(metadata({ ...clean, license: 'CC-BY' }), false);
    assert.deepStrictEqual(metadata.errors?.map((e) => [e.instancePath, e.keyword]), [['/license', 'enum']]);
  });

  it('offers snippets whose choice lists are the vocabularies', () => {
    assert.deepStrictEqual(Object.values(snippets).map((s) => s.prefix), ['plainmeta-metadata', 'plainmeta-dictionary', 'plainmeta-column']);
    assert.deepStrictEqual(choiceLists(snippets['plainmeta: dataset metadata'].body), [
      vocabularyFor('category')!.values,
      vocabularyFor('update_frequency')!.values,
      vocabularyFor('license')!.values,
      vocabularyFor('access_level')!.values,
    ]);
  });

  it('inserts skeletons that parse and have every required field with an allowed value', () => {
    const metadata = expand(snippets['plainmeta: dataset metadata'].body);
    const findings = lintText(metadata, { path: 'new.metadata.yaml' }).findings;
    assert.deepStrictEqual(findings.filter((f) => ['parse-error', 'required-field', 'invalid-value'].includes(f.rule)).map((f) => f.message), []);
    assert.strictEqual(parse(metadata).license, 'Public Domain');
    const dictionary = expand(snippets['plainmeta: data dictionary'].body);
    assert.deepStrictEqual(lintText(dictionary, { path: 'new.dictionary.yaml' }).findings.filter((f) => f.rule === 'parse-error'), []);
    const withColumn = `columns:\n  ${expand(snippets['plainmeta: column'].body).replace(/\n/g, '\n  ')}`;
    assert.deepStrictEqual(parse(withColumn).columns[0].name, 'column_name');
  });

  it('wakes up in a workspace holding a file the server detects by name, its configuration, data.json or dbt_project.yml, and in no other', () => {
    // The formats detected by name; the others claim any `.yaml`/`.json` by content.
    const byName = ADAPTERS.filter((a) => !['any.yaml', 'any.yml', 'any.json', 'any.csv'].some((n) => a.fileNames.some((re) => re.test(n))));
    assert.deepStrictEqual(byName.map((a) => a.kind), ['metadata', 'dictionary', 'datapackage', 'table-schema', 'csv-dictionary']);
    const detectedByName = (name: string) => byName.some((a) => a.fileNames.some((re) => re.test(name)));
    const HINTS = ['data.json', 'dbt_project.yml', '.plainmeta.yaml', '.plainmeta.yml'];

    assert.ok((manifest.activationEvents as string[]).every((e) => e.startsWith('workspaceContains:')), 'no onLanguage: other YAML, JSON or CSV must not wake the extension');
    const activation = (manifest.activationEvents as string[]).map((e) => e.slice('workspaceContains:'.length));
    assert.deepStrictEqual(activation, ACTIVATION_PATTERNS);
    const activates = picomatch(activation, { dot: true });
    for (const name of [...NAMES, 'data.json', 'catalog/data.json', 'dbt_project.yml', 'analytics/dbt_project.yml', '.plainmeta.yaml', 'sub/.plainmeta.yml']) {
      assert.strictEqual(activates(name), detectedByName(name) || HINTS.includes(path.posix.basename(name)), name);
    }
  });

  it('hands the server every file it could read: each kind, by name, by content and by a files: glob', () => {
    const sent = picomatch([...DOCUMENT_PATTERNS, CONFIG_PATTERN], { dot: true });
    const config = parseConfig('files:\n  csv-dictionary: ["docs/*.csv"]\n  portal: ["catalog/**/*.txt"]\n', path.join(ROOT, '.plainmeta.yaml'), RULE_OPTIONS).config;
    const samples: Array<[name: string, text: string, kind: string | undefined]> = [
      ['a.metadata.yaml', '', 'metadata'],
      ['data-dictionary.yml', '', 'dictionary'],
      ['datapackage.json', '{}', 'datapackage'],
      ['pkg/datapackage.yaml', 'name: x\n', 'datapackage'],
      ['people.schema.json', '{"fields": []}', 'table-schema'],
      ['docs/data_dictionary.csv', 'name,description\nage,Age in years\n', 'csv-dictionary'],
      ['models/schema.yml', 'version: 2\nmodels:\n  - name: orders\n', 'dbt'],
      ['catalog.json', '{"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": []}', 'dcat-us'],
      ['parks.yml', 'display_name: Parks\nnotes: Where the parks are.\n', 'portal'],
      ['docs/columns.csv', 'field,meaning\n', 'csv-dictionary'],
      ['ci.yml', 'on: push\n', undefined],
      ['package.json', '{"name": "x"}', undefined],
      ['rows.csv', 'a,b\n1,2\n', undefined],
      ['.plainmeta.yaml', 'allow: [DCF]\n', undefined],
    ];
    assert.deepStrictEqual([...new Set(samples.map((s) => s[2]).filter(Boolean))].sort(), ADAPTERS.map((a) => a.kind).sort(), 'a sample of every kind');
    for (const [name, text, kind] of samples) {
      assert.strictEqual(detectFormat(path.join(ROOT, name), text, config)?.kind, kind, name);
      assert.ok(sent(name), `the client sends ${name}`);
    }
    // A files: glob can name any file, but the client sends only YAML, JSON and CSV (see README).
    assert.strictEqual(detectFormat(path.join(ROOT, 'catalog/parks.txt'), '', config)?.kind, 'portal');
    for (const name of ['catalog/parks.txt', 'README.md', 'main.py', 'Untitled-1']) assert.ok(!sent(name), name);
  });

  it('contributes the schemas for exactly the native names', () => {
    const native = [nativeMetadata, nativeDictionary].map((a) => (name: string) => a.fileNames.some((re) => re.test(name)));
    const validation = (manifest.contributes.yamlValidation as Array<{ fileMatch: string[]; url: string }>).filter((v) => !v.url.includes('config'));
    assert.deepStrictEqual(validation.map((v) => v.url), ['./schemas/metadata.schema.json', './schemas/dictionary.schema.json']);
    for (const name of NAMES) {
      validation.forEach((v, i) => assert.strictEqual(picomatch(v.fileMatch)(path.posix.basename(name)), native[i](name), `${v.url} for ${name}`));
    }
  });

  it('declares the settings, commands and untrusted-workspace support', () => {
    assert.deepStrictEqual(Object.keys(manifest.contributes.configuration.properties), ['plainmeta.enable', 'plainmeta.run', 'plainmeta.maxFileSize', 'plainmeta.maxDiagnostics', 'plainmeta.trace.server']);
    assert.deepStrictEqual(manifest.contributes.configuration.properties['plainmeta.run'].enum, ['onType', 'onSave']);
    assert.deepStrictEqual(manifest.contributes.commands.map((c: { command: string; category: string; title: string }) => `${c.category}: ${c.title}`), ['plainmeta: New dataset metadata file', 'plainmeta: Show output']);
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, true);
    for (const { url } of manifest.contributes.yamlValidation) assert.ok(fs.existsSync(path.join(ROOT, url)), url);
  });
});
