import type { Connection } from 'vscode-languageserver';

/** What a user can turn on or off per resource in the editor (section `plainmeta`). */
export interface Settings {
  enable: boolean;
  /** Lint as the user types, or only when the file is saved. */
  run: 'onType' | 'onSave';
  /**
   * Above this many kilobytes (thousands of characters) a file is linted on open and save only,
   * since a full lint of it takes seconds; 0 for no limit.
   */
  maxFileSize: number;
  /**
   * The most diagnostics published for one document, the notices about it included; 0 for no
   * limit. VS Code shows at most 1,000 per document anyway, so a file with thousands of findings
   * would only cost the editor time to read the ones it drops.
   */
  maxDiagnostics: number;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', maxFileSize: 2000, maxDiagnostics: 1000 };

/** Settings from whatever the client sent, with defaults for anything missing or malformed. */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    maxFileSize: typeof value.maxFileSize === 'number' && value.maxFileSize >= 0 ? value.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    maxDiagnostics: typeof value.maxDiagnostics === 'number' && value.maxDiagnostics >= 0 ? Math.ceil(value.maxDiagnostics) : DEFAULT_SETTINGS.maxDiagnostics,
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

/** Whether a text is over the size above which it is linted on open and save only. */
export function isLarge(text: string, settings: Settings): boolean {
  return settings.maxFileSize > 0 && text.length > settings.maxFileSize * 1000;
}
