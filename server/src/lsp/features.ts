import type { CodeAction, CompletionItem, Connection, Hover, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './services/codeActions';
import { completionsAt } from './services/completion';
import { hoverAt } from './services/hover';
import { Workspace } from './documents';
import { SettingsStore } from './settings';

/** What the client said it can do, as far as the features below care. */
export interface ClientAbilities {
  documentChanges: boolean;
  createFiles: boolean;
  snippets: boolean;
}

/**
 * Code actions, hover and completion. Each answers from the cached analysis of the document's
 * current version, and a failure is logged and answered with nothing, never a dead server.
 */
export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: Workspace,
  settings: SettingsStore,
  client: () => ClientAbilities,
): void {
  const guarded = <P extends { textDocument: { uri: string } }, R>(name: string, empty: R, handler: (document: TextDocument, params: P) => R) =>
    async (params: P): Promise<R> => {
      try {
        const document = documents.get(params.textDocument.uri);
        if (!document || !(await settings.get(document.uri)).enable) return empty;
        return handler(document, params);
      } catch (error) {
        connection.console.error(`plainmeta: ${name} failed for ${params.textDocument.uri}: ${(error as Error).stack ?? error}`);
        return empty;
      }
    };

  connection.onCodeAction(guarded('code actions', [] as CodeAction[], (document, params) => {
    const analysis = workspace.analysis(document);
    if (!analysis) return [];
    const abilities = client();
    return codeActions(analysis, params.context, { ...abilities, allowListTarget: (a) => workspace.allowListTarget(a) });
  }));

  connection.onHover(guarded('hover', null as Hover | null, (document, params) => {
    const analysis = workspace.analysis(document);
    return (analysis && hoverAt(analysis, params.position)) ?? null;
  }));

  connection.onCompletion(guarded('completion', [] as CompletionItem[], (document, params) => {
    const analysis = workspace.analysis(document);
    return analysis ? completionsAt(document, analysis.kind, params.position, { snippets: client().snippets }) : [];
  }));
}
