import { Concept } from '../model/dataset';
import type { Severity } from '../rules/rule';

export type ProfileName = 'ct-open-data' | 'dcat-us' | 'frictionless';
export type RuleSetting = Severity | 'off';

/** What `.plainmeta.yaml` holds once validated. */
export interface ConfigFile {
  profile?: ProfileName;
  rules?: Record<string, RuleSetting | ({ severity?: RuleSetting } & Record<string, unknown>)>;
  acronyms?: { allow?: string[]; glossary?: Record<string, string> };
  terms?: { allow?: string[] };
  files?: { metadata?: string[]; dictionary?: string[] };
}

/** The configuration a lint runs with: the project's file over the defaults. */
export interface ResolvedConfig {
  profile: ProfileName;
  required: readonly Concept[];
  rules: Record<string, { severity?: RuleSetting; options: Record<string, unknown> }>;
  acronyms: { allow: Set<string>; glossary: Map<string, string> };
  terms: { allow: string[] };
  files: { metadata: string[]; dictionary: string[] };
  /** Absolute path of the file this came from, if any; globs in `files` are relative to its folder. */
  path?: string;
}

/** Fields each profile requires of a dataset; license and update frequency are always required. */
export const PROFILES: Record<ProfileName, readonly Concept[]> = {
  'ct-open-data': ['title', 'description', 'category', 'agency', 'contact_email', 'license', 'update_frequency'],
  'dcat-us': ['title', 'description', 'keywords', 'publisher', 'contact_email', 'license', 'update_frequency', 'access_level'],
  frictionless: ['title', 'description', 'license', 'update_frequency'],
};

export function resolveConfig(file: ConfigFile = {}, path?: string): ResolvedConfig {
  const profile = file.profile ?? 'ct-open-data';
  const rules: ResolvedConfig['rules'] = {};
  for (const [id, setting] of Object.entries(file.rules ?? {})) {
    if (typeof setting === 'string') rules[id] = { severity: setting, options: {} };
    else {
      const { severity, ...options } = setting;
      rules[id] = { severity, options };
    }
  }
  return {
    profile,
    required: PROFILES[profile],
    rules,
    acronyms: {
      allow: new Set((file.acronyms?.allow ?? []).map((a) => a.trim())),
      glossary: new Map(Object.entries(file.acronyms?.glossary ?? {}).map(([k, v]) => [k.trim(), v.trim()])),
    },
    terms: { allow: file.terms?.allow ?? [] },
    files: { metadata: file.files?.metadata ?? [], dictionary: file.files?.dictionary ?? [] },
    path,
  };
}

export const DEFAULT_CONFIG: ResolvedConfig = resolveConfig();
