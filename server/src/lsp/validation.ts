import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsOf } from './services/diagnostics';
import { Workspace } from './documents';
import { SettingsStore } from './settings';

/** How long typing must pause before a document is linted again. */
export const DEBOUNCE_MS = 200;

/**
 * Publishes diagnostics for open documents plainmeta reads, and nothing for any other document
 * (an empty list only to clear diagnostics it published before).
 */
export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents with diagnostics showing, and the version they were published for. */
  private readonly published = new Map<string, number>();
  /** The version each document was opened at; its first content event is the opening itself. */
  private readonly openedAt = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: Workspace,
    private readonly settings: SettingsStore,
  ) {}

  /** The document was opened: lint it now. */
  opened(document: TextDocument): void {
    this.openedAt.set(document.uri, document.version);
    void this.validate(document.uri);
  }

  /** The text changed: lint it once typing pauses, unless the user asked to lint on save only. */
  async changed(document: TextDocument): Promise<void> {
    if (this.openedAt.get(document.uri) === document.version) return;
    if ((await this.settings.get(document.uri)).run === 'onSave') return;
    this.schedule(document.uri);
  }

  async saved(uri: string): Promise<void> {
    if ((await this.settings.get(uri)).run === 'onSave') await this.validate(uri);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.openedAt.delete(uri);
    this.workspace.forget(uri);
    this.settings.forget(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * After a configuration or settings change: lint every open document again, now, or once
   * typing pauses when the change is someone typing in `.plainmeta.yaml`.
   */
  revalidateAll(when: 'now' | 'debounced' = 'now'): void {
    for (const document of this.documents.all()) {
      if (when === 'now') void this.validate(document.uri);
      else this.schedule(document.uri);
    }
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private schedule(uri: string): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, DEBOUNCE_MS));
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    try {
      const settings = await this.settings.get(uri);
      // Read the document after waiting for the settings: it may have changed or closed meanwhile.
      const document = this.documents.get(uri);
      if (!document) return;
      const analysis = settings.enable ? this.workspace.analysis(document) : undefined;
      if (!analysis) {
        if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      this.published.set(uri, analysis.version);
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnosticsOf(analysis) });
    } catch (error) {
      this.connection.console.error(`plainmeta: could not lint ${uri}: ${(error as Error).stack ?? error}`);
    }
  }
}
