/**
 * The plainmeta language server: wiring only. The linting is the engine's (`engine/`, `rules/`);
 * what each request answers is in `lsp/services/`; `lsp/` holds the state between requests.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../package.json';
import { ClientAbilities, registerFeatures } from './lsp/features';
import { Workspace } from './lsp/documents';
import { reuseDiagnosticsJson } from './lsp/encoding';
import { FIX_ALL_KIND } from './lsp/services/codeActions';
import { SettingsStore } from './lsp/settings';
import { Validator } from './lsp/validation';

reuseDiagnosticsJson();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace(documents);
const settings = new SettingsStore(connection);
const validator = new Validator(connection, documents, workspace, settings);

let abilities: ClientAbilities = { documentChanges: false, createFiles: false, snippets: false, resolveEdits: false };
let registerWatchers = false;
let registerSettings = false;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  abilities = {
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    createFiles: !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    snippets: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
    resolveEdits: !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
  };
  settings.supported = !!caps.workspace?.configuration;
  registerWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  registerSettings = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
    },
    serverInfo: { name: 'plainmeta', version: packageJson.version },
  };
});

connection.onInitialized(() => {
  if (registerWatchers) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.plainmeta.{yaml,yml}' }] });
  }
  if (registerSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'plainmeta' });
});

/** A project configuration changed on disk or in the editor: everything is linted again. */
function configurationChanged(when: 'now' | 'debounced' = 'now'): void {
  workspace.forgetAll();
  validator.revalidateAll(when);
}

documents.onDidOpen((e) => {
  if (workspace.isConfigFile(e.document.uri)) configurationChanged();
  else validator.opened(e.document);
});
documents.onDidChangeContent((e) => {
  if (workspace.isConfigFile(e.document.uri)) configurationChanged('debounced');
  else void validator.changed(e.document);
});
documents.onDidSave((e) => void validator.saved(e.document.uri));
documents.onDidClose((e) => {
  if (workspace.isConfigFile(e.document.uri)) configurationChanged();
  else validator.closed(e.document.uri);
});
connection.onDidChangeWatchedFiles(() => configurationChanged());
connection.onDidChangeConfiguration(() => {
  settings.clear();
  validator.revalidateAll();
});
connection.onShutdown(() => validator.dispose());

registerFeatures(connection, documents, workspace, settings, () => abilities);

// A bug in one request must not take the editor's diagnostics down with it.
process.on('uncaughtException', (error) => connection.console.error(`plainmeta: unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`plainmeta: unexpected error: ${(reason as Error)?.stack ?? reason}`));

documents.listen(connection);
connection.listen();
