import * as fs from 'fs';
import * as path from 'path';
import { walkFiles } from '../io/walk';

export interface SourceFile {
  path: string;
  /** The text without a byte-order mark, as editors show it; positions count from here. */
  text: string;
  hadBom: boolean;
  /** Set when the bytes are not UTF-8 text; the text is then empty. */
  unreadable?: string;
  mtimeMs: number;
  size: number;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', 'target', '.venv', '__pycache__']);
/** More files than any project holds; past it the walk stops and says so rather than run on. */
export const MAX_WALKED_FILES = 100_000;

/**
 * Files under the given paths. Directories are walked without following symbolic links (see
 * walkFiles); `onTruncated` hears of a folder holding more than MAX_WALKED_FILES files.
 */
export function expandPaths(inputs: string[], onMissing: (p: string) => void, onTruncated: (p: string) => void = () => {}): { files: string[]; explicit: Set<string> } {
  const files: string[] = [];
  const explicit = new Set<string>();
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      onMissing(input);
      continue;
    }
    if (stat.isDirectory()) {
      const walked = walkFiles(input, { skipDirs: SKIPPED_DIRS, maxFiles: MAX_WALKED_FILES });
      files.push(...walked.files);
      if (walked.truncated) onTruncated(input);
    } else {
      files.push(input);
      explicit.add(input);
    }
  }
  return { files: [...new Set(files)], explicit };
}

export function readSource(filePath: string): SourceFile {
  const bytes = fs.readFileSync(filePath);
  const stat = fs.statSync(filePath);
  const base = { path: filePath, hadBom: false, mtimeMs: stat.mtimeMs, size: stat.size };
  if (bytes.includes(0)) return { ...base, text: '', unreadable: 'This file holds binary data (NUL bytes), not text.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ...base, text: '', unreadable: 'This file is not valid UTF-8 text; save it as UTF-8.' };
  }
  if (text.charCodeAt(0) === 0xfeff) return { ...base, text: text.slice(1), hadBom: true };
  return { ...base, text };
}

/**
 * Writes fixed text back: only if the file is unchanged since it was read, never through a link,
 * and atomically (a temporary file in the same folder, then a rename), so a file is never half
 * written. Returns why it did not write, or undefined when it did.
 */
export function writeFixed(source: SourceFile, text: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(source.path);
  } catch (error) {
    return `cannot write: ${(error as Error).message}`;
  }
  if (stat.isSymbolicLink()) return 'not written: it is a symbolic link';
  if (!stat.isFile()) return 'not written: it is no longer a regular file';
  const original = (source.hadBom ? '\ufeff' : '') + source.text;
  // Size and time alone miss an edit of the same length within the file system's time resolution.
  if (stat.mtimeMs !== source.mtimeMs || stat.size !== source.size || !sameText(source.path, original)) {
    return 'not written: the file changed while it was being linted';
  }
  let temp: string | undefined;
  try {
    temp = createTempBeside(source.path, (source.hadBom ? '\ufeff' : '') + text, stat.mode);
    fs.renameSync(temp, source.path);
  } catch (error) {
    if (temp) fs.rmSync(temp, { force: true });
    return `cannot write: ${(error as Error).message}`;
  }
  return undefined;
}

function sameText(filePath: string, text: string): boolean {
  try {
    return fs.readFileSync(filePath, 'utf8') === text;
  } catch {
    return false;
  }
}

/**
 * Writes a new file next to `target` and returns its name. The file is created exclusively
 * ('wx': never an existing file, never through a link someone planted at that name), so a
 * checked-out tree cannot redirect the write elsewhere.
 */
function createTempBeside(target: string, text: string, mode: number): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  for (let attempt = 0; ; attempt++) {
    const temp = path.join(dir, `.${base}.plainmeta-${process.pid}-${attempt}.tmp`);
    try {
      fs.writeFileSync(temp, text, { mode, flag: 'wx' });
      return temp;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 20) continue;
      // Any other failure came after the exclusive create, if at all, so the file is ours to remove.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(temp, { force: true });
      throw error;
    }
  }
}
