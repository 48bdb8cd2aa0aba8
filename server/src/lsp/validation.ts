import type { Connection, TextDocuments, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Finding } from '../engine/lint';
import { Analysis, uriToPath } from './services/analysis';
import { diagnosticsOf, mostSevere, SOURCE } from './services/diagnostics';
import { Workspace } from './documents';
import { isLarge, Settings, SettingsStore } from './settings';

/**
 * The longest typing must pause before a document is linted again. The pause is there so that a
 * slow lint does not run after every keystroke (see `Validator.pauseFor`).
 */
export const DEBOUNCE_MS = 200;

/**
 * A document whose last lint took less than this is linted again as soon as its text changes: the
 * lint is done before a fast typist's next keystroke (100–200 ms apart), so a pause would only
 * make the squiggles late. A keystroke that does come during it drops it at its next step.
 */
export const IMMEDIATE_MS = 100;

/**
 * Publishes diagnostics for open documents plainmeta reads, and nothing for any other document
 * (an empty list only to clear diagnostics it published before).
 */
export class Validator {
  /** Lints waiting for typing to pause, each with what cancels it. */
  private readonly waiting = new Map<string, () => void>();
  /** Documents with diagnostics showing, and the version they were published for. */
  private readonly published = new Map<string, number>();
  /** The version each document was opened at; its first content event is the opening itself. */
  private readonly openedAt = new Map<string, number>();
  /** The latest lint started per document; an older one still running stops at its next step. */
  private readonly runs = new Map<string, number>();
  /** How long each document's last published lint took, in milliseconds (its steps, with the pauses between them). */
  private readonly lintTimes = new Map<string, number>();
  /** The diagnostics published for each document, by the finding each was made of, to reuse. */
  private readonly diagnostics = new Map<string, Map<Finding, Diagnostic>>();

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

  /** The text changed: lint it once typing pauses, unless it is linted on save only. */
  async changed(document: TextDocument): Promise<void> {
    if (this.openedAt.get(document.uri) === document.version) return;
    if (this.onSaveOnly(document, await this.settings.get(document.uri))) return;
    this.schedule(document.uri);
  }

  async saved(uri: string): Promise<void> {
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (document && this.onSaveOnly(document, settings)) await this.validate(uri);
  }

  private onSaveOnly(document: TextDocument, settings: Settings): boolean {
    return settings.run === 'onSave' || isLarge(document.getText(), settings);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.openedAt.delete(uri);
    this.lintTimes.delete(uri);
    this.diagnostics.delete(uri);
    this.workspace.forget(uri);
    this.settings.forget(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * After a configuration or settings change: lint every open document again, now, or once
   * typing pauses when the change is someone typing in `.plainmeta.yaml`.
   */
  revalidateAll(when: 'now' | 'debounced' = 'now'): void {
    // Each document's next lint starts afresh, so how long its last one took says nothing: typing
    // in `.plainmeta.yaml` waits the longest pause.
    this.lintTimes.clear();
    for (const document of this.documents.all()) {
      if (when === 'now') void this.validate(document.uri);
      else this.schedule(document.uri);
    }
  }

  dispose(): void {
    for (const uri of [...this.waiting.keys()]) this.cancel(uri);
  }

  private schedule(uri: string): void {
    this.cancel(uri);
    const lint = () => {
      this.waiting.delete(uri);
      void this.validate(uri);
    };
    const pause = this.pauseFor(uri);
    // Without a pause the lint still comes after the messages already read (more keystrokes), so
    // a burst of changes is linted once, at its last version.
    if (pause === 0) {
      const immediate = setImmediate(lint);
      this.waiting.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(lint, pause);
      this.waiting.set(uri, () => clearTimeout(timer));
    }
  }

  /**
   * How long typing must pause before the document is linted. A document whose last lint was
   * quick (one column re-checked) is linted at once, so its squiggles follow the typing. A slower
   * one waits until typing has stopped for as long as its last lint took, at most DEBOUNCE_MS, so
   * a slow lint (a whole large file) never runs between quick keystrokes. A document not linted
   * yet waits the longest. Either way a keystroke during a lint drops it at its next step.
   */
  pauseFor(uri: string): number {
    const last = this.lintTimes.get(uri) ?? DEBOUNCE_MS;
    return last < IMMEDIATE_MS ? 0 : Math.min(DEBOUNCE_MS, Math.ceil(last));
  }

  private cancel(uri: string): void {
    this.waiting.get(uri)?.();
    this.waiting.delete(uri);
  }

  /**
   * Lints the document's current version and publishes the result. The lint runs in steps with a
   * pause between them, so other requests are answered meanwhile; a newer version, a closed
   * document or the user cancelling the progress drops it. Large files report progress.
   */
  private async validate(uri: string): Promise<void> {
    const run = (this.runs.get(uri) ?? 0) + 1;
    this.runs.set(uri, run);
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      const settings = await this.settings.get(uri);
      // Read the document after waiting for the settings: it may have changed or closed meanwhile.
      const document = this.documents.get(uri);
      if (!document || this.runs.get(uri) !== run) return;
      const large = isLarge(document.getText(), settings);
      let cancelled = false;
      const version = document.version;
      const stale = () => cancelled || this.runs.get(uri) !== run || this.documents.get(uri)?.version !== version;
      const steps = settings.enable ? this.workspace.analysisInSteps(document, !large) : undefined;
      let analysis: Analysis | undefined;
      const started = performance.now();
      for (let first = true; ; first = false) {
        if (!steps) break;
        // The first step finds out what the file is: one plainmeta does not read ends here, before
        // any progress or parsing.
        const next = steps.next();
        if (next.done) {
          analysis = next.value;
          break;
        }
        if (first && large) {
          // A client that refuses the progress still gets its diagnostics.
          progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
          progress?.begin('plainmeta', 0, `checking ${uri.slice(uri.lastIndexOf('/') + 1)}`, true);
          progress?.token.onCancellationRequested(() => (cancelled = true));
        }
        if (!first) progress?.report(Math.round((100 * next.value.count) / next.value.total), next.value.done);
        await new Promise((resolve) => setImmediate(resolve));
        if (stale()) return;
      }
      if (!analysis) {
        this.diagnostics.delete(uri);
        if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const lintTime = performance.now() - started;
      // The progress ends before the diagnostics arrive, so a client never shows work that is done.
      progress?.done();
      progress = undefined;
      this.published.set(uri, analysis.version);
      // A rule that failed is one diagnostic in the file (the engine made it) and a line in the log.
      for (const failed of analysis.findings.filter((f) => f.rule === 'rule-error')) this.connection.console.error(`plainmeta: ${uri}: ${failed.message}`);
      const { diagnostics, byFinding } = publication(analysis, settings, large, this.diagnostics.get(uri));
      // A large file's next lint keeps nothing from this one, so it could reuse none of these.
      if (large) this.diagnostics.delete(uri);
      else this.diagnostics.set(uri, byFinding);
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
      if (this.documents.get(uri)) this.lintTimes.set(uri, lintTime);
    } catch (error) {
      this.connection.console.error(`plainmeta: could not lint ${uri}: ${(error as Error).stack ?? error}`);
    } finally {
      progress?.done();
      if (this.runs.get(uri) === run) this.runs.delete(uri);
    }
  }
}

/**
 * What is published for an analysis: the diagnostics of its findings, after the notices about
 * them, at most `plainmeta.maxDiagnostics` in all. VS Code shows no more than 1,000 of a file's
 * diagnostics; publishing only what it shows spares the editor reading (a megabyte of JSON on
 * every keystroke in a large dictionary) and converting those it would drop. Only the findings
 * shown are made into diagnostics; code actions and hover look findings up in the analysis, so
 * fix-all still fixes every one.
 */
function publication(analysis: Analysis, settings: Settings, large: boolean, earlier?: ReadonlyMap<Finding, Diagnostic>): { diagnostics: Diagnostic[]; byFinding: Map<Finding, Diagnostic> } {
  const notices = large ? [largeFileNotice(settings)] : [];
  const limit = settings.maxDiagnostics;
  let shown: readonly Finding[] = analysis.findings;
  if (limit > 0 && notices.length + shown.length > limit) {
    // The notice that some are left out takes a place too; at a limit of 1 it is all there is.
    notices.length = Math.min(notices.length, limit - 1);
    shown = mostSevere(shown, limit - notices.length - 1);
    notices.push(tooManyNotice(analysis.findings.length, shown.length, analysis.uri));
  }
  const { diagnostics, byFinding } = diagnosticsOf(analysis, earlier, shown);
  return { diagnostics: notices.length > 0 ? [...notices, ...diagnostics] : diagnostics, byFinding };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The one diagnostic that says that not every problem found is shown, and where to see them all. */
export function tooManyNotice(found: number, shown: number, uri: string): Diagnostic {
  const { path: file, onDisk } = uriToPath(uri);
  const lint = onDisk ? `run plainmeta lint "${path.basename(file)}" in a terminal in this file's folder` : 'save the file and run plainmeta lint on it in a terminal';
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: SOURCE,
    message: `plainmeta found ${count(found)} problems in this file and shows ${shown === 0 ? 'none of them' : shown === 1 ? 'the most serious one' : `the ${count(shown)} most serious`} (setting plainmeta.maxDiagnostics). To list them all, ${lint}.`,
  };
}

/** The one diagnostic that says why a large file's diagnostics do not follow typing. */
export function largeFileNotice(settings: Settings): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'large-file',
    source: SOURCE,
    message: `This file is larger than ${settings.maxFileSize} KB (setting plainmeta.maxFileSize), so plainmeta checks it when it is opened and saved, not as you type.`,
  };
}
