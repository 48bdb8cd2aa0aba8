import * as path from 'path';
import type { ResolvedConfig } from '../config/config';
import { globMatcher } from '../config/glob';
import { FormatAdapter } from './adapter';
import { csvDictionary } from './csv';
import { dbtProperties } from './dbt';
import { dcatCatalog } from './dcat';
import { dataPackage, tableSchema } from './frictionless';
import { nativeDictionary, nativeMetadata, portalMetadata } from './native';

/**
 * Every format plainmeta reads, in the order detection tries them: names that say what a file
 * is come first; the formats recognised by content in any `.yaml`/`.json` come last, dbt before
 * portal YAML since a dbt file could carry a portal-like key.
 */
export const ADAPTERS: FormatAdapter[] = [nativeMetadata, nativeDictionary, dataPackage, tableSchema, csvDictionary, dbtProperties, dcatCatalog, portalMetadata];

/**
 * The adapter for a file, by name first and then, for shared names, by content; undefined for
 * any other file, so plainmeta stays silent on CI configs and other YAML.
 */
export function detectFormat(filePath: string, text: string | undefined, config?: ResolvedConfig): FormatAdapter | undefined {
  const normalized = filePath.replace(/\\/g, '/');
  for (const adapter of ADAPTERS) {
    if (!adapter.fileNames.some((re) => re.test(normalized))) continue;
    if (adapter.claims && (text === undefined || !adapter.claims(text))) continue;
    return adapter;
  }
  if (config?.path) {
    const relative = path.relative(path.dirname(config.path), path.resolve(filePath)).replace(/\\/g, '/');
    for (const [kind, globs] of Object.entries(config.files)) {
      if (globs.length && globMatcher(globs)(relative)) return ADAPTERS.find((a) => a.kind === kind);
    }
  }
  return undefined;
}

export function adapterForKind(kind: string): FormatAdapter | undefined {
  return ADAPTERS.find((a) => a.kind === kind);
}
