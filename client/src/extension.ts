/**
 * The plainmeta VS Code client: starts the language server over IPC for the files plainmeta reads,
 * and adds two commands. All linting happens in the server.
 */
import * as fs from 'fs';
import { commands, ExtensionContext, languages, LogOutputChannel, SnippetString, TextDocument, Uri, window, workspace } from 'vscode';
import { DocumentSelector, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CONFIG_PATTERN, FILE_PATTERNS } from './files';


const SELECTOR: DocumentSelector = [...FILE_PATTERNS, CONFIG_PATTERN].map((pattern) => ({ scheme: 'file', pattern }));

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

/** What the extension exports (`extensions.getExtension('plainmeta.plainmeta').exports`). */
export interface PlainmetaApi {
  /** Whether the language server has been started (it waits for a file plainmeta reads). */
  languageServerStarted(): boolean;
}

export async function activate(context: ExtensionContext): Promise<PlainmetaApi> {
  const api: PlainmetaApi = { languageServerStarted: () => starting !== undefined };
  const output = window.createOutputChannel('plainmeta', { log: true });
  context.subscriptions.push(output);
  context.subscriptions.push(
    commands.registerCommand('plainmeta.showOutput', () => output.show(true)),
    commands.registerCommand('plainmeta.newMetadataFile', () => newMetadataFile(context)),
  );

  // Activation also happens on any YAML file; the server starts only once a file plainmeta reads is open.
  const start = () => (starting ??= startClient(context, output));
  const recognised = (document: TextDocument) => FILE_PATTERNS.some((pattern) => languages.match({ scheme: 'file', pattern }, document) > 0);
  if (workspace.textDocuments.some(recognised)) {
    await start();
    return api;
  }
  const listener = workspace.onDidOpenTextDocument((document) => {
    if (!recognised(document)) return;
    listener.dispose();
    void start();
  });
  context.subscriptions.push(listener);
  return api;
}

async function startClient(context: ExtensionContext, output: LogOutputChannel): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
  };
  client = new LanguageClient('plainmeta', 'plainmeta', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    output.error(`the language server did not start: ${(error as Error).message}`);
    void window.showErrorMessage('plainmeta: the language server did not start. See "plainmeta: Show output".');
  }
}

/** The dataset metadata skeleton, from the snippets the extension contributes. */
function metadataSkeleton(context: ExtensionContext): string {
  const snippets = JSON.parse(fs.readFileSync(context.asAbsolutePath('snippets/plainmeta-yaml.json'), 'utf8')) as Record<string, { body: string[] }>;
  return snippets['plainmeta: dataset metadata'].body.join('\n');
}

/** Asks for a name, creates `<name>.metadata.yaml` in the workspace and fills it from the skeleton. */
async function newMetadataFile(context: ExtensionContext): Promise<void> {
  const snippet = new SnippetString(metadataSkeleton(context));
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) {
    const document = await workspace.openTextDocument({ language: 'yaml' });
    await (await window.showTextDocument(document)).insertSnippet(snippet);
    return;
  }
  const name = await window.showInputBox({
    title: 'New dataset metadata file',
    prompt: 'File name; ".metadata.yaml" is added',
    value: 'new-dataset',
    validateInput: (value) => (/^[\w][\w.-]*$/.test(value) ? undefined : 'Use letters, digits, "-", "_" and "."'),
  });
  if (!name) return;
  const uri = Uri.joinPath(folder.uri, `${name.replace(/\.metadata\.ya?ml$/i, '')}.metadata.yaml`);
  if (await exists(uri)) {
    void window.showWarningMessage(`${uri.fsPath} already exists; opening it instead.`);
    await window.showTextDocument(uri);
    return;
  }
  await workspace.fs.writeFile(uri, new Uint8Array());
  const editor = await window.showTextDocument(uri);
  await editor.insertSnippet(snippet);
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
