import type { Connection } from 'vscode-languageserver';

/** What a user can turn on or off per resource in the editor (section `plainmeta`). */
export interface Settings {
  enable: boolean;
  /** Lint as the user types, or only when the file is saved. */
  run: 'onType' | 'onSave';
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType' };

/** Settings from whatever the client sent, with defaults for anything missing or malformed. */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
  };
}

/**
 * Settings asked per document with `workspace/configuration` and remembered until the client
 * says they changed; clients that cannot be asked get the defaults.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  supported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'plainmeta' }).then(normalizeSettings, (error: Error) => {
        this.connection.console.warn(`plainmeta: could not read settings for ${uri}: ${error.message}`);
        return DEFAULT_SETTINGS;
      });
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
