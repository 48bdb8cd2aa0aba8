import { writeFileSync } from 'node:fs';

/** A word list as its JSON file holds it: one form per line, which keeps the file readable and its diffs small. */
export function renderWordList(description, entries) {
  const list = { $schema: '../../../schemas/word-list.schema.json', description, entries };
  const json = JSON.stringify(list, null, 2).replace(/\{\n\s+"match": [^{}]*?\n\s+\}/g, (form) =>
    JSON.stringify(JSON.parse(form)).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{/, '{ ').replace(/\}$/, ' }'),
  );
  return json + '\n';
}

/**
 * Writes server/src/data/<name>; with `--stdout`, prints it instead, so that a test can compare
 * the committed file with what its script generates (test/data/generated.test.ts).
 */
export function writeWordList(name, description, entries) {
  const json = renderWordList(description, entries);
  if (process.argv.includes('--stdout')) process.stdout.write(json);
  else writeFileSync(new URL(`../../server/src/data/${name}`, import.meta.url), json);
}
