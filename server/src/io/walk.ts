import * as fs from 'fs';
import * as path from 'path';

export interface WalkOptions {
  /** Folder names never entered (node_modules, .git, …). */
  skipDirs: ReadonlySet<string>;
  /** Which files to list, by name; all when absent. */
  accept?: (name: string) => boolean;
  /** Stop after listing this many files. */
  maxFiles: number;
  /** Folders nested deeper than this below the root are not entered. */
  maxDepth?: number;
}

export interface WalkResult {
  /** In name order, depth first: a folder's files come where its name sorts among its siblings. */
  files: string[];
  /** Whether maxFiles cut the walk short. */
  truncated: boolean;
}

/**
 * The files under `root`. Symbolic links are never followed, so a link cannot lead a reader (or
 * `--fix`) out of the tree it was given, nor into a loop; unreadable folders are passed over. No
 * recursion: the depth of a tree cannot overflow the stack.
 */
export function walkFiles(root: string, options: WalkOptions): WalkResult {
  const maxDepth = options.maxDepth ?? 64;
  const files: string[] = [];
  const stack: Array<{ full: string; dirent?: fs.Dirent; depth: number }> = [{ full: root, depth: 0 }];
  while (stack.length) {
    const { full, dirent, depth } = stack.pop()!;
    if (dirent?.isFile()) {
      if (files.length >= options.maxFiles) return { files, truncated: true };
      files.push(full);
      continue;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(full, { withFileTypes: true });
    } catch {
      continue;
    }
    const next = entries
      .filter((e) => (e.isDirectory() ? depth < maxDepth && !options.skipDirs.has(e.name) : e.isFile() && (options.accept?.(e.name) ?? true)))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (let i = next.length - 1; i >= 0; i--) stack.push({ full: path.join(full, next[i].name), dirent: next[i], depth: depth + 1 });
  }
  return { files, truncated: false };
}
