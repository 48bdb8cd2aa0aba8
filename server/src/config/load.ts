import type { ValidateFunction } from 'ajv';
import { Document, isMap, isSeq } from 'yaml';
import schema from '../../../schemas/plainmeta-config.schema.json';
import { parseYaml, yamlData } from '../formats/yaml/document';
import { LineIndex } from '../model/text';
import type { KnownRules } from '../rules';
import { optionProblem } from '../rules/rule';
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

/**
 * The schema validator, loaded and compiled on first use: most CLI runs and editor sessions have
 * no `.plainmeta.yaml`, and loading Ajv and compiling the schema is a good part of start-up.
 */
let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return compiled;
}

/**
 * Parses and validates a config text. Whatever is wrong is reported and the defaults are used in
 * its place, so one typo never stops linting.
 */
export function parseConfig(text: string, configPath: string, knownRules: KnownRules): LoadedConfig {
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
  if ('problem' in converted) return { config: defaults, problems: [at(0, `invalid YAML: its aliases (*name) expand into too many values (${converted.problem})`)] };
  const data = (converted.data ?? {}) as unknown;
  const problems: ConfigProblem[] = [];
  const validate = validator();
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
      // A rule's setting is a severity or an object: its enum error says more than the two type errors.
      if (error.keyword === 'oneOf' || (error.keyword === 'type' && segments[0] === 'rules' && segments.length === 2)) continue;
      problems.push(at(node?.range?.[0] ?? 0, `${where} ${detail}`));
    }
    if (problems.length === 0) problems.push(at(0, 'the configuration does not match its schema'));
    return { config: defaults, problems };
  }
  const file = data as ConfigFile;
  for (const [id, setting] of Object.entries(file.rules ?? {})) {
    const options = knownRules.get(id);
    if (!options) {
      const node = nodeAt(doc, ['rules', id], true);
      problems.push(at(node?.range?.[0] ?? 0, `"rules.${id}" is not a plainmeta rule; known rules: ${[...knownRules.keys()].join(', ')}`));
    } else if (typeof setting === 'object') {
      for (const [name, value] of Object.entries(setting)) {
        if (name === 'severity') continue;
        const option = options[name];
        const names = Object.keys(options);
        const problem = !option
          ? `is not an option of ${id}; ${names.length ? `its options: ${names.join(', ')}` : 'it has no options'}`
          : optionProblem(option, value);
        if (!problem) continue;
        // The rule runs with its default instead, so the mistake is one finding here, not one per linted file.
        delete setting[name];
        const node = nodeAt(doc, ['rules', id, name], !option);
        problems.push(at(node?.range?.[0] ?? 0, `"rules.${id}.${name}" ${problem}`));
      }
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
