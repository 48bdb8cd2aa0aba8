import * as fs from 'fs';
import * as path from 'path';
import { guessDelimiter, parseCsv } from '../formats/csv/parse';
import { HeaderRead, ProjectFiles } from '../model/project';

/** No header is longer than this; a data file of any size costs one read of at most this much. */
export const HEADER_BYTES = 64 * 1024;

/** Folders never searched for dbt doc blocks: build output, installed packages, version control. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'target', 'dbt_packages', 'dbt_modules', 'logs', '.venv', '__pycache__']);
const MAX_DOC_FILES = 5000;
const MAX_DOC_FILE_BYTES = 1024 * 1024;

/** Doc blocks per dbt project folder; pass one map to several readers to read each project once. */
export type DocBlockCache = Map<string, Map<string, string>>;

/** The files beside `lintedFile`, read from disk. */
export function fsProjectFiles(lintedFile: string, docCache: DocBlockCache = new Map()): ProjectFiles {
  const folder = path.dirname(path.resolve(lintedFile));
  return {
    readHeader: (relativePath) => readCsvHeader(path.resolve(folder, relativePath)),
    docBlock: (name) => {
      const root = dbtProjectRoot(folder);
      if (!root) return undefined;
      let blocks = docCache.get(root);
      if (!blocks) {
        blocks = readDocBlocks(root);
        docCache.set(root, blocks);
      }
      return blocks.get(name);
    },
  };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file does not exist.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission to read it was denied.';
  return `it cannot be read (${(error as Error).message}).`;
}

/** The header row of a CSV (or TSV) file, reading at most its first HEADER_BYTES bytes. */
export function readCsvHeader(filePath: string): HeaderRead {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    return { problem: describeError(error) };
  }
  if (stat.isDirectory()) return { problem: 'it is a folder, not a data file.' };
  // A pipe or device could block forever or never end.
  if (!stat.isFile()) return { problem: 'it is not a regular file.' };
  const buffer = Buffer.alloc(Math.min(HEADER_BYTES, stat.size));
  let read = 0;
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
  } catch (error) {
    return { problem: describeError(error) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const bytes = buffer.subarray(0, read);
  if (bytes.includes(0)) return { problem: 'it holds binary data, not CSV text.' };
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') return { problem: 'it is empty; the first row should name the columns.' };
  const delimiter = /\.tsv$/i.test(filePath) ? '\t' : guessDelimiter(text);
  const header = parseCsv(text, delimiter, 1).records[0];
  if (!header) return { problem: 'it is empty; the first row should name the columns.' };
  if (read === HEADER_BYTES && header.span.end >= text.length) return { problem: `its first row is longer than ${HEADER_BYTES / 1024} KB; is it a CSV file?` };
  return { columns: header.cells.map((c) => c.value) };
}

/** The nearest folder at or above `folder` holding `dbt_project.yml`. */
function dbtProjectRoot(folder: string): string | undefined {
  for (let dir = folder, depth = 0; depth < 32; depth++) {
    if (fs.existsSync(path.join(dir, 'dbt_project.yml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

const DOC_BLOCK = /\{%-?\s*docs\s+([A-Za-z_][\w]*)\s*-?%\}([\s\S]*?)\{%-?\s*enddocs\s*-?%\}/g;

/** Every `{% docs name %}…{% enddocs %}` in the project's Markdown files, bounded in count and size. */
export function readDocBlocks(root: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let files = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files >= MAX_DOC_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(full);
      else if (entry.isFile() && /\.md$/i.test(entry.name)) {
        files++;
        try {
          if (fs.statSync(full).size > MAX_DOC_FILE_BYTES) continue;
          const text = fs.readFileSync(full, 'utf8');
          for (const m of text.matchAll(DOC_BLOCK)) if (!blocks.has(m[1])) blocks.set(m[1], m[2].trim());
        } catch {
          // An unreadable Markdown file holds no doc block we can use.
        }
      }
    }
  };
  walk(root);
  return blocks;
}
