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
  /** Extra globs per file kind (`metadata`, `portal`, `datapackage`, `dbt`, …). */
  files?: Record<string, string[]>;
}

/** The configuration a lint runs with: the project's file over the defaults. */
export interface ResolvedConfig {
  profile: ProfileName;
  /** Whether `.plainmeta.yaml` chose the profile; when not, each format's own default applies. */
  profileChosen: boolean;
  required: readonly Concept[];
  rules: Record<string, { severity?: RuleSetting; options: Record<string, unknown> }>;
  acronyms: { allow: Set<string>; glossary: Map<string, string> };
  terms: { allow: string[] };
  files: Record<string, string[]>;
  /** Absolute path of the file this came from, if any; globs in `files` are relative to its folder. */
  path?: string;
}

/**
 * Fields each profile requires of a dataset; license and update frequency are always required.
 * Each profile's vocabularies (its own wording for frequencies, licenses, …) are in
 * rules/vocabulary.ts.
 */
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
    profileChosen: file.profile !== undefined,
    required: PROFILES[profile],
    rules,
    acronyms: {
      allow: new Set((file.acronyms?.allow ?? []).map((a) => a.trim())),
      glossary: new Map(Object.entries(file.acronyms?.glossary ?? {}).map(([k, v]) => [k.trim(), v.trim()])),
    },
    terms: { allow: file.terms?.allow ?? [] },
    files: { ...file.files },
    path,
  };
}

export const DEFAULT_CONFIG: ResolvedConfig = resolveConfig();

/**
 * The configuration for one file: the project's profile when it chose one, otherwise the file
 * format's own default (a Data Package is checked as Frictionless, a data.json as DCAT-US).
 */
export function withProfile(config: ResolvedConfig, formatDefault: ProfileName | undefined): ResolvedConfig {
  if (config.profileChosen || !formatDefault || formatDefault === config.profile) return config;
  return { ...config, profile: formatDefault, required: PROFILES[formatDefault] };
}
