/**
 * The files the extension hands to the server, by name. They mirror the native format adapters'
 * names (server/src/formats/native) and package.json's activationEvents and yamlValidation; a test
 * keeps the four in step.
 */
export const FILE_PATTERNS = ['**/*.metadata.{yaml,yml}', '**/metadata.{yaml,yml}', '**/*.dictionary.{yaml,yml}', '**/data-dictionary.{yaml,yml}'];

/** The project configuration is synced too, so that unsaved edits to it count. */
export const CONFIG_PATTERN = '**/.plainmeta.{yaml,yml}';
