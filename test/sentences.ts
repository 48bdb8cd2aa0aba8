import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

/** The repository root, from out/test or test/. */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../..' : '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** Non-empty, non-comment lines of a fixture file in test/fixtures. */
export function fixtureLines(name: string): string[] {
  return fs
    .readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * Every sentence of every title and description in the shared corpus (HTML removed), or undefined
 * when the corpus is not checked out beside this repository.
 */
export function corpusSentences(): string[] | undefined {
  if (!fs.existsSync(CORPUS)) return undefined;
  const texts: string[] = [];
  const visit = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (/^(title|description|value|label)$/i.test(key) && /\s/.test(value)) texts.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  for (const file of walk(CORPUS)) {
    if (/\.json$/.test(file)) visit(JSON.parse(fs.readFileSync(file, 'utf8')));
    else if (/\.ya?ml$/.test(file)) visit(parse(fs.readFileSync(file, 'utf8')));
  }
  const sentences = texts.flatMap((t) =>
    t
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z]+;/g, ' ')
      .split(/(?<=[.!?])\s+/),
  );
  return [...new Set(sentences.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.split(' ').length >= 3))];
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
