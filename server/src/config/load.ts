import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, isSeq } from 'yaml';
import schema from '../../../schemas/plainmeta-config.schema.json';
import { parseYaml, yamlData } from '../formats/yaml/document';
import { LineIndex } from '../model/text';
import { ConfigFile, DEFAULT_CONFIG, ResolvedConfig, resolveConfig } from './config';

export const CONFIG_FILE_NAMES = ['.plainmeta.yaml', '.plainmeta.yml'];

/** A problem in `.plainmeta.yaml`, with one-based line and column as people read them. */
export interface ConfigProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  problems: ConfigProblem[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

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

/**
 * Parses and validates a config text. Whatever is wrong is reported and the defaults are used in
 * its place, so one typo never stops linting.
 */
export function parseConfig(text: string, configPath: string, knownRules: ReadonlySet<string>): LoadedConfig {
  const lines = new LineIndex(text);
  const at = (offset: number, message: string): ConfigProblem => {
    const p = lines.positionAt(offset);
    return { path: configPath, line: p.line + 1, column: p.character + 1, message };
  };
  const defaults = { ...DEFAULT_CONFIG, path: configPath };
  // parseYaml refuses files nested too deep to convert; yamlData bounds alias expansion.
  const { doc, problems: read } = parseYaml(text);
  const unreadable = read.find((p) => p.severity === 'error') ?? read[0];
  if (!doc || unreadable) {
    const detail = unreadable ? unreadable.message.replace(/^YAML syntax: /, '') : 'cannot be read';
    return { config: defaults, problems: [at(unreadable?.span.start ?? 0, `invalid YAML: ${detail}`)] };
  }
  const converted = yamlData(doc);
  if ('problem' in converted) return { config: defaults, problems: [at(0, `invalid YAML: ${converted.problem}`)] };
  const data = (converted.data ?? {}) as unknown;
  const problems: ConfigProblem[] = [];
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // An error inside a value explains the errors about the value as a whole (the other branches
    // of a oneOf), so only the innermost are reported: one problem, one message.
    const innermost = errors.filter((e) => !errors.some((o) => o.instancePath.startsWith(e.instancePath + '/')));
    for (const error of innermost) {
      const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const node = nodeAt(doc, segments);
      const where = segments.length ? `"${segments.join('.')}"` : 'the file';
      let detail = error.message ?? 'is invalid';
      if (error.keyword === 'additionalProperties') detail = `has an unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
      if (error.keyword === 'enum') detail = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      if (error.keyword === 'oneOf' || error.keyword === 'type' && segments[0] === 'rules') continue; // reported through the branch errors
      problems.push(at(node?.range?.[0] ?? 0, `${where} ${detail}`));
    }
    if (problems.length === 0) problems.push(at(0, 'the configuration does not match its schema'));
    return { config: defaults, problems };
  }
  const file = data as ConfigFile;
  for (const id of Object.keys(file.rules ?? {})) {
    if (!knownRules.has(id)) {
      const node = nodeAt(doc, ['rules', id], true);
      problems.push(at(node?.range?.[0] ?? 0, `"rules.${id}" is not a plainmeta rule; known rules: ${[...knownRules].join(', ')}`));
    }
  }
  return { config: resolveConfig(file, configPath), problems };
}

type Ranged = { range?: [number, number, number] | null };

function nodeAt(doc: Document, segments: string[], wantKey = false): Ranged | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value) === segment);
      if (!pair) return node as Ranged;
      node = wantKey && i === segments.length - 1 ? pair.key : pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)] ?? node;
    } else break;
  }
  return node as Ranged | undefined;
}

const cache = new Map<string, { mtimeMs: number; size: number; loaded: LoadedConfig }>();

/** Reads a config file, cached by modification time so the server can ask on every lint. */
export function loadConfigFile(configPath: string, knownRules: ReadonlySet<string>): LoadedConfig {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(configPath);
  } catch (error) {
    return { config: DEFAULT_CONFIG, problems: [{ path: configPath, line: 1, column: 1, message: `cannot read the configuration: ${(error as Error).message}` }] };
  }
  const cached = cache.get(configPath);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.loaded;
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    return { config: DEFAULT_CONFIG, problems: [{ path: configPath, line: 1, column: 1, message: `cannot read the configuration: ${(error as Error).message}` }] };
  }
  const loaded = parseConfig(text, configPath, knownRules);
  cache.set(configPath, { mtimeMs: stat.mtimeMs, size: stat.size, loaded });
  return loaded;
}

/** The configuration for a file: the nearest `.plainmeta.yaml`, or the defaults. */
export function configForFile(filePath: string, knownRules: ReadonlySet<string>): LoadedConfig {
  const found = findConfigFile(filePath);
  return found ? loadConfigFile(found, knownRules) : { config: DEFAULT_CONFIG, problems: [] };
}
