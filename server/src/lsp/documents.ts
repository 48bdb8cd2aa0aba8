import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, LoadedConfig, parseConfig } from '../config/load';
import { findConfigFile, loadConfigFile } from '../io/config-files';
import { RULE_OPTIONS } from '../rules';
import { AllowListTarget } from './services/allowList';
import { DocumentLinter } from '../engine/document';
import { detectFormat } from '../formats';
import { finish, LintStep } from '../engine/lint';
import { Analysis, analyzeInSteps, NO_CONFIG, uriToPath } from './services/analysis';
import { SharedSteps } from './sharedSteps';

/**
 * The open documents as plainmeta reads them, each linted once per version. The configuration of
 * a document is the nearest `.plainmeta.yaml`, read from the editor when it is open there (so an
 * edit to the allow list counts before it is saved) and from disk otherwise.
 */
export class Workspace {
  private readonly analyses = new Map<string, { version: number; analysis: Analysis | undefined }>();
  /** The lint under way per document, for its newest version asked for. */
  private readonly lints = new Map<string, SharedLint>();
  /** One linter per open document, so a keystroke re-reads and re-checks only what it changed. */
  private readonly linters = new Map<string, DocumentLinter>();
  /** Documents the validator lints without remembering (see analysisInSteps). */
  private readonly onSaveOnly = new Set<string>();
  /** Configurations read from open `.plainmeta.yaml` documents, by URI and version. */
  private readonly openConfigs = new Map<string, { version: number; loaded: LoadedConfig }>();
  private folders: string[] = [];

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map((u) => uriToPath(u)).filter((p) => p.onDisk).map((p) => p.path);
  }

  /** The analysis of the document's current version; undefined when plainmeta does not read it. */
  analysis(document: TextDocument): Analysis | undefined {
    return finish(this.analysisInSteps(document));
  }

  /**
   * As `analysis`, one step at a time, for a lint that yields to other work between steps. A lint
   * of the version already under way is joined, not started again: an editor asks for code
   * actions right after each keystroke, while the validator is linting that same version.
   * `remember` false for a document linted on open and save only (see DocumentLinter.lintInSteps);
   * without it, as the validator last said for the document, so that a hover or code action
   * between two saves does not keep what the validator chose not to.
   */
  *analysisInSteps(document: TextDocument, remember?: boolean): Generator<LintStep, Analysis | undefined> {
    if (remember === undefined) remember = !this.onSaveOnly.has(document.uri);
    else if (remember) this.onSaveOnly.delete(document.uri);
    else this.onSaveOnly.add(document.uri);
    const version = document.version;
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === version) return cached.analysis;
    let lint = this.lints.get(document.uri);
    if (!lint || lint.version !== version) {
      let linter = this.linters.get(document.uri);
      if (!linter) this.linters.set(document.uri, (linter = new DocumentLinter({ path: '' })));
      lint = new SharedLint(version, analyzeInSteps(document, (p) => this.configFor(p), linter, remember));
      this.lints.set(document.uri, lint);
    }
    const analysis = yield* lint.steps();
    if (this.lints.get(document.uri) === lint) {
      this.lints.delete(document.uri);
      this.analyses.set(document.uri, { version, analysis });
    }
    return analysis;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.lints.delete(uri);
    this.linters.delete(uri);
    this.onSaveOnly.delete(uri);
  }

  /** After a configuration changed: every document is linted again on next use. */
  forgetAll(): void {
    this.analyses.clear();
    this.lints.clear();
    this.linters.clear();
    this.openConfigs.clear();
  }

  isConfigFile(uri: string): boolean {
    const { path: p, onDisk } = uriToPath(uri);
    return onDisk && CONFIG_FILE_NAMES.includes(path.basename(p));
  }

  /** Whether plainmeta reads the document: a format claims it under the project's configuration. */
  reads(document: TextDocument): boolean {
    const { path: p, onDisk } = uriToPath(document.uri);
    return detectFormat(p, document.getText(), this.configFor(onDisk ? p : undefined).config) !== undefined;
  }

  configFor(filePath: string | undefined): LoadedConfig {
    if (!filePath) return NO_CONFIG;
    const found = findConfigFile(filePath);
    if (!found) return NO_CONFIG;
    const open = this.openDocumentAt(found);
    if (!open) return loadConfigFile(found, RULE_OPTIONS);
    // The same object while the text is the same, so each document's linter keeps its results.
    const cached = this.openConfigs.get(open.uri);
    if (cached?.version === open.version) return cached.loaded;
    const loaded = parseConfig(open.getText(), found, RULE_OPTIONS);
    this.openConfigs.set(open.uri, { version: open.version, loaded });
    return loaded;
  }

  /**
   * Where "add to the allow list" writes for a document: the nearest existing config file, else a
   * new `.plainmeta.yaml` at the root of the workspace folder holding the document, else beside it.
   */
  allowListTarget(analysis: Analysis): AllowListTarget | undefined {
    const { path: file, onDisk } = uriToPath(analysis.uri);
    if (!onDisk) return undefined;
    const existing = findConfigFile(file);
    const configPath = existing ?? path.join(this.folderOf(file) ?? path.dirname(file), CONFIG_FILE_NAMES[0]);
    const open = this.openDocumentAt(configPath);
    if (open) return { uri: open.uri, version: open.version, text: open.getText() };
    let text: string | undefined;
    if (existing) {
      try {
        text = fs.readFileSync(existing, 'utf8');
      } catch {
        return undefined;
      }
    }
    return { uri: pathToFileURL(configPath).href, version: null, text };
  }

  private folderOf(file: string): string | undefined {
    const inside = this.folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    return inside.sort((a, b) => b.length - a.length)[0];
  }

  private openDocumentAt(filePath: string): TextDocument | undefined {
    return this.documents.all().find((d) => {
      const p = uriToPath(d.uri);
      return p.onDisk && p.path === filePath;
    });
  }
}

/**
 * One lint of a document version, stepped through by whoever asks for that version (the validator,
 * a code action, a hover): each step is done once, whoever takes it, and all get the one result.
 */
class SharedLint extends SharedSteps<LintStep, Analysis | undefined> {
  constructor(
    readonly version: number,
    steps: Generator<LintStep, Analysis | undefined>,
  ) {
    super(steps);
  }
}
