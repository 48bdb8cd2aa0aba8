import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, findConfigFile, LoadedConfig, loadConfigFile, parseConfig } from '../config/load';
import { RULE_IDS } from '../rules';
import { AllowListTarget } from './services/allowList';
import { Analysis, analyze, NO_CONFIG, uriToPath } from './services/analysis';

/**
 * The open documents as plainmeta reads them, each linted once per version. The configuration of
 * a document is the nearest `.plainmeta.yaml`, read from the editor when it is open there (so an
 * edit to the allow list counts before it is saved) and from disk otherwise.
 */
export class Workspace {
  private readonly analyses = new Map<string, { version: number; analysis: Analysis | undefined }>();
  private folders: string[] = [];

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map((u) => uriToPath(u)).filter((p) => p.onDisk).map((p) => p.path);
  }

  /** The analysis of the document's current version; undefined when plainmeta does not read it. */
  analysis(document: TextDocument): Analysis | undefined {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyze(document, (p) => this.configFor(p));
    this.analyses.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }

  /** After a configuration changed: every document is linted again on next use. */
  forgetAll(): void {
    this.analyses.clear();
  }

  isConfigFile(uri: string): boolean {
    const { path: p, onDisk } = uriToPath(uri);
    return onDisk && CONFIG_FILE_NAMES.includes(path.basename(p));
  }

  configFor(filePath: string | undefined): LoadedConfig {
    if (!filePath) return NO_CONFIG;
    const found = findConfigFile(filePath);
    if (!found) return NO_CONFIG;
    const open = this.openDocumentAt(found);
    return open ? parseConfig(open.getText(), found, RULE_IDS) : loadConfigFile(found, RULE_IDS);
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
