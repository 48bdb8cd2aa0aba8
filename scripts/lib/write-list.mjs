import { writeFileSync } from 'node:fs';

/** Writes a word list as JSON with one form per line, which keeps the file readable and its diffs small. */
export function writeWordList(name, description, entries) {
  const list = { $schema: '../../../schemas/word-list.schema.json', description, entries };
  const json = JSON.stringify(list, null, 2).replace(/\{\n\s+"match": [^{}]*?\n\s+\}/g, (form) =>
    JSON.stringify(JSON.parse(form)).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{/, '{ ').replace(/\}$/, ' }'),
  );
  writeFileSync(new URL(`../../server/src/data/${name}`, import.meta.url), json + '\n');
}
