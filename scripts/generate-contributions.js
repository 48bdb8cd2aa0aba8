#!/usr/bin/env node
// Writes the vocabularies (server/src/data/vocabularies.json) into what the extension contributes:
// the enums of schemas/metadata.schema.json and the choice lists of snippets/plainmeta-yaml.json.
//   node scripts/generate-contributions.js          rewrite both files
//   node scripts/generate-contributions.js --check  exit 1 if either is out of date
'use strict';
const fs = require('fs');
const path = require('path');
const { Document } = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const vocabularies = require(path.join(ROOT, 'server', 'src', 'data', 'vocabularies.json'));
const SCHEMA = path.join(ROOT, 'schemas', 'metadata.schema.json');
const SNIPPETS = path.join(ROOT, 'snippets', 'plainmeta-yaml.json');

/** A value as YAML would write it (plain when safe), escaped for a snippet choice list. */
function choice(value) {
  const yaml = new Document(value).toString({ lineWidth: 0 }).trimEnd();
  return yaml.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

const choices = (field) => `|${vocabularies[field].values.map(choice).join(',')}|`;

function schemaText() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  for (const field of Object.keys(vocabularies)) schema.properties[field].enum = vocabularies[field].values;
  return formatJson(schema);
}

/** JSON with two-space indentation, short arrays of strings kept on one line. */
function formatJson(value) {
  return JSON.stringify(value, null, 2).replace(/\[\n\s+("[^"\n]*",?\n\s+)*"[^"\n]*"\n\s+\]/g, (m) => `[${JSON.parse(m).map((s) => JSON.stringify(s)).join(', ')}]`) + '\n';
}

function snippetsText() {
  const column = (n, indent) => [
    `${indent}- name: \${${n}:column_name}`,
    `${indent}  title: \${${n + 1}:Column title}`,
    `${indent}  description: \${${n + 2}:What the column measures, in plain words.}`,
    `${indent}  type: \${${n + 3}:text}`,
  ];
  const snippets = {
    'plainmeta: dataset metadata': {
      prefix: 'plainmeta-metadata',
      description: 'A dataset metadata file with every field plainmeta checks (license, update frequency, category, columns).',
      body: [
        'title: ${1:Title in plain words, no acronyms}',
        'description: >-',
        '  ${2:What the data describes, for readers who do not know it.}',
        `category: \${3${choices('category')}}`,
        'agency: ${4:Agency name, spelled out}',
        'contact_email: ${5:data@example.gov}',
        'keywords: [${6:keyword}]',
        'row_label: ${7:What one row is}',
        `update_frequency: \${8${choices('update_frequency')}}`,
        `license: \${9${choices('license')}}`,
        `access_level: \${10${choices('access_level')}}`,
        'columns:',
        ...column(11, '  '),
        '$0',
      ],
    },
    'plainmeta: data dictionary': {
      prefix: 'plainmeta-dictionary',
      description: 'A data dictionary file: a title, a description and one entry per column.',
      body: [
        'title: ${1:Dataset title}',
        'description: ${2:What the data describes, for readers who do not know it.}',
        'columns:',
        ...column(3, '  '),
        '$0',
      ],
    },
    'plainmeta: column': {
      prefix: 'plainmeta-column',
      description: 'One column entry for a data dictionary or a metadata file.',
      body: [...column(1, ''), '$0'],
    },
  };
  return JSON.stringify(snippets, null, 2) + '\n';
}

const outputs = [[SCHEMA, schemaText()], [SNIPPETS, snippetsText()]];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
  for (const [file] of stale) console.error(`${path.relative(ROOT, file)} is out of date; run node scripts/generate-contributions.js`);
  process.exitCode = stale.length ? 1 : 0;
} else {
  for (const [file, text] of outputs) fs.writeFileSync(file, text);
}
