/**
 * Which files the extension hands to the server, and which files in a workspace wake it up.
 * test/lsp/contributions.test.ts checks both against the server's detection (server/src/formats)
 * and package.json's activationEvents.
 */

/**
 * Every file the server could read. The server decides what a file is (detectFormat: by name, by
 * content for shared names like any `.yaml`, or by the `files:` globs of `.plainmeta.yaml`) and
 * publishes nothing for the rest, so the client sends it every YAML, JSON and CSV file on disk.
 * Untitled documents are left out: they have no name, and the server detects by name first.
 */
export const DOCUMENT_PATTERNS = ['**/*.{yaml,yml}', '**/*.json', '**/*.csv'];

/** The project configuration is synced too, so that unsaved edits to it count. */
export const CONFIG_PATTERN = '**/.plainmeta.{yaml,yml}';

/**
 * A workspace holding one of these wakes the extension (`workspaceContains:` in package.json):
 * every name the server detects by name, the project configuration, and two names that say a
 * content-detected kind is about (`data.json` for DCAT-US, `dbt_project.yml` for dbt). One glob
 * per activation event, without braces, as package.json lists them.
 */
export const ACTIVATION_PATTERNS = [
  '**/metadata.yaml',
  '**/metadata.yml',
  '**/*.metadata.yaml',
  '**/*.metadata.yml',
  '**/dictionary.yaml',
  '**/dictionary.yml',
  '**/*.dictionary.yaml',
  '**/*.dictionary.yml',
  '**/data-dictionary.yaml',
  '**/data-dictionary.yml',
  '**/*.data-dictionary.yaml',
  '**/*.data-dictionary.yml',
  '**/datapackage.json',
  '**/datapackage.yaml',
  '**/datapackage.yml',
  '**/*.schema.json',
  '**/*dictionary*.csv',
  '**/data.json',
  '**/dbt_project.yml',
  '**/.plainmeta.yaml',
  '**/.plainmeta.yml',
];
