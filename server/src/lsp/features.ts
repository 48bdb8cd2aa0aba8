import { CancellationToken, CodeActionKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CodeAction, CompletionItem, Connection, Hover, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDisableLinesFor, codeActions, FixAllData, resolveFixAll, wanted } from './services/codeActions';
import { completionsAt } from './services/completion';
import { Analysis } from './services/analysis';
import { LintStep } from '../engine/lint';
import { hoverAt } from './services/hover';
import { Workspace } from './documents';
import { SettingsStore } from './settings';

/** What the client said it can do, as far as the features below care. */
export interface ClientAbilities {
  documentChanges: boolean;
  createFiles: boolean;
  snippets: boolean;
  /** The client asks for a code action's edit when it is chosen (codeAction/resolve). */
  resolveEdits: boolean;
}

/** Thrown when the client cancelled a request while its document was being linted. */
class Cancelled extends Error {}

/**
 * The analysis of the document's current version. When nothing is cached for that version the
 * document is linted here, step by step with a pause between steps, so that a `$/cancelRequest`
 * (or any other message) is read meanwhile and a cancelled request stops at the next step.
 */
async function analysisOf(workspace: Workspace, document: TextDocument, token: CancellationToken): Promise<Analysis | undefined> {
  return stepThrough(workspace.analysisInSteps(document), token);
}

/** Takes the steps of a lint with a pause between them; a cancelled request stops at the next step. */
async function stepThrough<T>(steps: Generator<LintStep, T>, token: CancellationToken): Promise<T> {
  for (;;) {
    if (token.isCancellationRequested) throw new Cancelled();
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Code actions, hover and completion. Each answers from the cached analysis of the document's
 * current version (linting it first if need be), a cancelled request is answered with the LSP's
 * RequestCancelled error, and a failure is logged and answered with nothing, never a dead server.
 */
export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: Workspace,
  settings: SettingsStore,
  client: () => ClientAbilities,
): void {
  /** `uriOf` names the document a request is about; `empty` answers when it has no analysis. */
  const guardedFor = <P, R>(name: string, uriOf: (params: P) => string | undefined, empty: (params: P) => R, handler: (document: TextDocument, params: P, analysis: Analysis, token: CancellationToken) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      const uri = uriOf(params);
      try {
        if (token.isCancellationRequested) throw new Cancelled();
        const document = uri === undefined ? undefined : documents.get(uri);
        if (!document || !(await settings.get(document.uri)).enable) return empty(params);
        const analysis = await analysisOf(workspace, document, token);
        return analysis ? await handler(document, params, analysis, token) : empty(params);
      } catch (error) {
        if (error instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, `plainmeta: ${name} cancelled`);
        connection.console.error(`plainmeta: ${name} failed for ${uri}: ${(error as Error).stack ?? error}`);
        return empty(params);
      }
    };
  const guarded = <P extends { textDocument: { uri: string } }, R>(name: string, empty: R, handler: (document: TextDocument, params: P, analysis: Analysis, token: CancellationToken) => R | Promise<R>) =>
    guardedFor<P, R>(name, (params) => params.textDocument.uri, () => empty, handler);

  connection.onCodeAction(guarded('code actions', [] as CodeAction[], async (document, params, analysis, token) => {
    if (wanted(CodeActionKind.QuickFix, params.context.only)) await stepThrough(checkDisableLinesFor(analysis, params.context.diagnostics), token);
    const abilities = client();
    return codeActions(analysis, params.context, { ...abilities, allowListTarget: (a) => workspace.allowListTarget(a) });
  }));

  // A whole-file fix offered without its edit (see fixAllAction) gets it here, made for the document's current text.
  connection.onCodeActionResolve(guardedFor('code action resolve', (action: CodeAction) => (action.data as FixAllData | undefined)?.uri, (action) => action, (document, action, analysis) =>
    resolveFixAll(analysis, action, client())));

  connection.onHover(guarded('hover', null as Hover | null, (document, params, analysis) => hoverAt(analysis, params.position) ?? null));

  connection.onCompletion(guarded('completion', [] as CompletionItem[], (document, params, analysis) =>
    completionsAt(document, analysis.kind, params.position, { snippets: client().snippets })));
}
