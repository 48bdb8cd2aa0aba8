/** Shared steps of the in-host tests: fixture files in the open workspace, waiting for diagnostics. */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PlainmetaApi } from '../../../client/src/extension';

/** The repository: this file runs from out/test/vscode/suite/. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const EXAMPLE = path.join(ROOT, 'examples', 'children-in-placement.metadata.yaml');
export const EXTENSION_ID = 'plainmeta.plainmeta';

/** Bounds every wait, so a missing event fails the test with the state it saw instead of hanging. */
const WAIT_MS = 30000;

export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the in-host suite needs a workspace folder (the launchers open an empty temp folder)');
  return folder.uri.fsPath;
}

/** A folder of its own inside the workspace for this run's files, removed by `removeScratch`. */
export function scratchFolder(): string {
  const dir = path.join(workspaceFolder(), `plainmeta-suite-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeScratch(): void {
  fs.rmSync(path.join(workspaceFolder(), `plainmeta-suite-${process.pid}`), { recursive: true, force: true });
}

/** Writes `text` to `name` in the scratch folder and opens it in an editor. */
export async function openFixture(name: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(scratchFolder(), name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

export const exampleText = (): string => fs.readFileSync(EXAMPLE, 'utf8');

export function plainmetaDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plainmeta');
}

/** "line:col-line:col severity code message", zero-based, for exact comparisons. */
export function brief(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${vscode.DiagnosticSeverity[d.severity]} ${code} ${d.message}`;
}

/** Waits until plainmeta's diagnostics for `uri` satisfy `done`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitForEvent(vscode.languages.onDidChangeDiagnostics, () => {
    const diagnostics = plainmetaDiagnostics(uri);
    return done(diagnostics) ? diagnostics : undefined;
  }, () => `${what}; plainmeta's diagnostics for ${path.basename(uri.fsPath)} now:\n${plainmetaDiagnostics(uri).map(brief).join('\n')}`);
}

/** Checks `probe` now and after each `event` until it returns a value; rejects after WAIT_MS. */
export function waitForEvent<T, E>(event: vscode.Event<E>, probe: () => T | undefined, describe: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (value: T) => {
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
      resolve(value);
    };
    const subscription = event(() => {
      const value = settled ? undefined : probe();
      if (value !== undefined) finish(value);
    });
    const timer = setTimeout(() => {
      settled = true;
      subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${describe()}`));
    }, WAIT_MS);
    const now = probe();
    if (now !== undefined) finish(now);
  });
}

/** Polls `probe` (for state VS Code sends no event about) until it returns a value. */
export async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function plainmetaExtension(): vscode.Extension<PlainmetaApi> {
  const extension = vscode.extensions.getExtension<PlainmetaApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return extension;
}

/** The code actions VS Code gathers for `range`, as the light bulb (or a save) would ask for them. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Applies the action's workspace edit, failing clearly if there is none or VS Code refuses it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit) throw new Error(`code action "${action.title}" has no edit`);
  const applied = await vscode.workspace.applyEdit(action.edit);
  if (!applied) throw new Error(`VS Code did not apply the edit of "${action.title}"`);
}
