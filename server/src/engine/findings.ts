/** Findings that come from the engine rather than a rule, with their own ids and docs. */
export const ENGINE_FINDINGS = {
  'parse-error': 'The file could not be read as its format: invalid syntax, encoding or shape.',
  'config-error': 'The project configuration (.plainmeta.yaml) is invalid; defaults were used instead.',
  'rule-error': 'A rule failed on this file; the other rules still ran.',
  'directive-error': 'A plainmeta-disable or -enable comment names a rule or directive plainmeta does not know, so it turns nothing off for it.',
} as const;
