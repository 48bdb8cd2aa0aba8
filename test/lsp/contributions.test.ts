import * as assert from 'assert';
import Ajv from 'ajv';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { CONFIG_PATTERN, FILE_PATTERNS } from '../../client/src/files';
import { lintText } from '../../server/src/engine/lint';
import { detectFormat } from '../../server/src/formats';
import { VOCABULARY_FIELDS, vocabularyFor } from '../../server/src/rules/vocabulary';
import { ROOT } from './lspClient';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const metadataSchema = JSON.parse(read('schemas/metadata.schema.json'));
const dictionarySchema = JSON.parse(read('schemas/dictionary.schema.json'));
const snippets = JSON.parse(read('snippets/plainmeta-yaml.json')) as Record<string, { prefix: string; body: string[] }>;

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

  it('starts the client for exactly the files the server reads, and contributes schemas for the same names', () => {
    const names = ['children.metadata.yaml', 'data/x.metadata.yml', 'metadata.yaml', 'metadata.yml', 'a.dictionary.yaml', 'b.dictionary.yml', 'data-dictionary.yaml', 'data-dictionary.yml',
      'ci.yml', 'docker-compose.yaml', 'mymetadata.yaml', 'dictionary.yaml.bak', '.plainmeta.yaml'];
    const clientMatches = picomatch(FILE_PATTERNS, { dot: true });
    for (const name of names) {
      assert.strictEqual(clientMatches(name), detectFormat(name, '') !== undefined, name);
    }
    assert.ok(picomatch(CONFIG_PATTERN, { dot: true })('sub/.plainmeta.yml'));
    const activation = (manifest.activationEvents as string[]).filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
    const schemaNames = (manifest.contributes.yamlValidation as Array<{ fileMatch: string[]; url: string }>).filter((v) => !v.url.includes('config')).flatMap((v) => v.fileMatch);
    for (const name of names.filter((n) => !n.startsWith('.'))) {
      const base = path.posix.basename(name);
      assert.strictEqual(picomatch(activation, { dot: true })(name), clientMatches(name), `activation for ${name}`);
      assert.strictEqual(picomatch(schemaNames)(base), clientMatches(name), `yamlValidation for ${name}`);
    }
  });

  it('declares the settings, commands and untrusted-workspace support', () => {
    assert.deepStrictEqual(Object.keys(manifest.contributes.configuration.properties), ['plainmeta.enable', 'plainmeta.run', 'plainmeta.trace.server']);
    assert.deepStrictEqual(manifest.contributes.configuration.properties['plainmeta.run'].enum, ['onType', 'onSave']);
    assert.deepStrictEqual(manifest.contributes.commands.map((c: { command: string; category: string; title: string }) => `${c.category}: ${c.title}`), ['plainmeta: New dataset metadata file', 'plainmeta: Show output']);
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, true);
    for (const { url } of manifest.contributes.yamlValidation) assert.ok(fs.existsSync(path.join(ROOT, url)), url);
  });
});
