/**
 * The plainmeta VS Code client: starts the language server over IPC and hands it every file it
 * could read, and adds two commands. Deciding what a file is, and all linting, happen in the server.
 */
import * as fs from 'fs';
import { commands, ExtensionContext, languages, LogOutputChannel, SnippetString, TextDocument, Uri, window, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CONFIG_PATTERN, DOCUMENT_PATTERNS } from './files';

const SELECTOR: { scheme: 'file'; pattern: string }[] = [...DOCUMENT_PATTERNS, CONFIG_PATTERN].map((pattern) => ({ scheme: 'file', pattern }));

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

/** What the extension exports (`extensions.getExtension('plainmeta.plainmeta').exports`). */
export interface PlainmetaApi {
  /** Whether the language server has been started (it waits for a YAML, JSON or CSV file to open). */
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

  // The extension wakes up in a workspace that holds a file plainmeta reads (or on a command); the
  // server starts once a document it could read is open, so editing only code in a data project costs
  // no server process.
  const start = () => (starting ??= startClient(context, output));
  const sentToServer = (document: TextDocument) => languages.match(SELECTOR, document) > 0;
  if (workspace.textDocuments.some(sentToServer)) {
    await start();
    return api;
  }
  const listener = workspace.onDidOpenTextDocument((document) => {
    if (!sentToServer(document)) return;
    listener.dispose();
    void start();
  });
  context.subscriptions.push(listener);
  return api;
}

async function startClient(context: ExtensionContext, output: LogOutputChannel): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  // Semi-spaces of at most 8 MB instead of V8's 16 MB: reading a large file makes many short-lived
  // objects, and with the larger young generation the server's peak memory with a 10 MB
  // dictionary open was about 20 MB higher (measured 190 MB against 167–177 MB, node 20) for no
  // gain in speed. It bounds only the young generation: the old generation, where a large file's
  // model lives, keeps V8's limit, so large files are read as before. Editors that start
  // bin/plainmeta-language-server.js themselves run without it (190 MB).
  const execArgv = ['--max-semi-space-size=8'];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6011'] } },
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
