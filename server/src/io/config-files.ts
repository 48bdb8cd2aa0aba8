import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAMES, LoadedConfig, parseConfig } from '../config/load';
import { DEFAULT_CONFIG } from '../config/config';
import type { KnownRules } from '../rules';

/**
 * Finding and reading `.plainmeta.yaml` on disk, for the CLI and the language server; parsing and
 * checking its text is config/load.ts, which (like the rest of the engine) never touches files.
 */

/** The nearest `.plainmeta.yaml` in the file's folder or a folder above it. */
export function findConfigFile(filePath: string): string | undefined {
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

const cache = new Map<string, { mtimeMs: number; size: number; loaded: LoadedConfig }>();

/** Reads a config file, cached by modification time so the server can ask on every lint. */
export function loadConfigFile(configPath: string, knownRules: KnownRules): LoadedConfig {
  const unreadable = (error: unknown): LoadedConfig => ({
    config: DEFAULT_CONFIG,
    problems: [{ path: configPath, line: 1, column: 1, message: `cannot read the configuration: ${(error as Error).message}` }],
  });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(configPath);
  } catch (error) {
    return unreadable(error);
  }
  const cached = cache.get(configPath);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.loaded;
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    return unreadable(error);
  }
  const loaded = parseConfig(text, configPath, knownRules);
  cache.set(configPath, { mtimeMs: stat.mtimeMs, size: stat.size, loaded });
  return loaded;
}

/** The configuration for a file: the nearest `.plainmeta.yaml`, or the defaults. */
export function configForFile(filePath: string, knownRules: KnownRules): LoadedConfig {
  const found = findConfigFile(filePath);
  return found ? loadConfigFile(found, knownRules) : { config: DEFAULT_CONFIG, problems: [] };
}
