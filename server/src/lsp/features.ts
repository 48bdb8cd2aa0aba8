import { performance } from 'perf_hooks';
import { CancellationToken, CodeActionKind, CodeActionTriggerKind, LSPErrorCodes, ResponseError, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { CodeAction, CodeActionContext, CodeActionParams, CompletionItem, Connection, Hover, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsInSteps, FixAllData, resolveFixAllInSteps } from './services/codeActions';
import { completionsAt } from './services/completion';
import { Analysis } from './services/analysis';
import { FixAllStep } from '../engine/fixes';
import { LintStep } from '../engine/lint';
import { hoverAt } from './services/hover';
import { Workspace } from './documents';
import { isLarge, Settings, SettingsStore } from './settings';

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

/** The document changed or closed while whole-file fixes were worked out for the version before: they would edit text that is gone. */
class ContentModified extends Error {}

/** Whether a code action request is a save asking for whole-file fixes only (`editor.codeActionsOnSave`). */
function isFixAllOnSave(context: CodeActionContext): boolean {
  const only = context.only;
  return context.triggerKind === CodeActionTriggerKind.Automatic && !!only && only.length > 0 && only.every((kind) => kind === CodeActionKind.SourceFixAll || kind.startsWith(`${CodeActionKind.SourceFixAll}.`));
}

/** What a handler knows of its request besides its parameters. */
interface Request {
  token: CancellationToken;
  settings: Settings;
  /** The client's progress for the request (a null reporter when it sent no token); only some requests have one. */
  workDone?: WorkDoneProgressReporter;
}

/**
 * The analysis of the document's current version. When nothing is cached for that version the
 * document is linted here, step by step with a pause between steps, so that a `$/cancelRequest`
 * (or any other message) is read meanwhile and a cancelled request stops at the next step.
 */
async function analysisOf(workspace: Workspace, document: TextDocument, token: CancellationToken): Promise<Analysis | undefined> {
  return stepThrough(workspace.analysisInSteps(document), token);
}

/**
 * Takes the steps of a lint with a pause between them, so other messages are read and answered
 * meanwhile; a cancelled request stops at the next step. `onStep` (progress) is awaited after each.
 */
async function stepThrough<S, T>(steps: Generator<S, T>, token: { readonly isCancellationRequested: boolean }, onStep?: (step: S) => Promise<void>): Promise<T> {
  for (;;) {
    if (token.isCancellationRequested) throw new Cancelled();
    const next = steps.next();
    if (next.done) return next.value;
    await onStep?.(next.value);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * How long whole-file fixes of a file under plainmeta.maxFileSize go on before the server shows
 * their progress (a 1 MB file takes a second or more); above the size it shows at once.
 */
const FIX_ALL_PROGRESS_AFTER_MS = 500;

/**
 * The progress of whole-file fixes (several lints of the file): on the client's token when the
 * request carried one, otherwise on one the server creates, for a large file or slow work, which
 * the user may cancel, cancelling the request. Only the fixes' steps count: the other work of a
 * code action request is short.
 */
class FixAllProgress {
  private reporter: WorkDoneProgressReporter | undefined;
  /** The client refused to create a progress: it is not asked again for this request. */
  private refused = false;
  private readonly started = performance.now();
  private percentage = 0;
  cancelled = false;

  constructor(
    private readonly connection: Connection,
    private readonly uri: string,
    private readonly large: boolean,
    /** The client's progress for the request; a null reporter when it sent no token. */
    private readonly requested?: WorkDoneProgressReporter,
  ) {}

  async step(step: LintStep): Promise<void> {
    if (!('pass' in step)) return;
    const { pass, maxPasses, count, total, done } = step as FixAllStep;
    // Passes usually stop early, so the percentage jumps to the end then; it never goes back.
    const percentage = Math.floor((100 * (pass + count / total)) / maxPasses);
    if (!this.reporter && !(await this.begin())) return;
    if (percentage <= this.percentage) return;
    this.percentage = percentage;
    this.reporter!.report(percentage, `pass ${pass + 1}: ${done}`);
  }

  private async begin(): Promise<boolean> {
    const message = `fixing ${this.uri.slice(this.uri.lastIndexOf('/') + 1)}`;
    if (this.requested && !WorkDoneProgressReporter.isNullInstance(this.requested)) {
      this.reporter = this.requested;
      // Cancelled with the request itself ($/cancelRequest).
      this.reporter.begin('plainmeta', 0, message, false);
      return true;
    }
    if (this.refused || (!this.large && performance.now() - this.started < FIX_ALL_PROGRESS_AFTER_MS)) return false;
    const created = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    if (!created) {
      this.refused = true;
      return false;
    }
    created.begin('plainmeta', 0, message, true);
    created.token.onCancellationRequested(() => (this.cancelled = true));
    this.reporter = created;
    return true;
  }

  done(): void {
    this.reporter?.done();
    this.reporter = undefined;
  }

  /**
   * Steps through whole-file work with this progress, stopping when the request or the progress is
   * cancelled, or when the document is `outdated` (edited or closed) meanwhile.
   */
  async stepThrough<T>(steps: Generator<LintStep, T>, token: CancellationToken, outdated: () => boolean): Promise<T> {
    const progress = this;
    const cancellation = {
      get isCancellationRequested() {
        return token.isCancellationRequested || progress.cancelled;
      },
    };
    try {
      return await stepThrough(steps, cancellation, async (step) => {
        if (outdated()) throw new ContentModified();
        await this.step(step);
      });
    } finally {
      this.done();
    }
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
  const guardedFor = <P, R>(name: string, uriOf: (params: P) => string | undefined, empty: (params: P) => R, handler: (document: TextDocument, params: P, analysis: Analysis, request: Request) => R | Promise<R>) =>
    async (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter): Promise<R | ResponseError<void>> => {
      const uri = uriOf(params);
      try {
        if (token.isCancellationRequested) throw new Cancelled();
        const document = uri === undefined ? undefined : documents.get(uri);
        const documentSettings = document && (await settings.get(document.uri));
        if (!document || !documentSettings?.enable) return empty(params);
        const analysis = await analysisOf(workspace, document, token);
        return analysis ? await handler(document, params, analysis, { token, settings: documentSettings, workDone }) : empty(params);
      } catch (error) {
        if (error instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, `plainmeta: ${name} cancelled`);
        if (error instanceof ContentModified) return new ResponseError(LSPErrorCodes.ContentModified, `plainmeta: ${name} dropped: the document changed`);
        connection.console.error(`plainmeta: ${name} failed for ${uri}: ${(error as Error).stack ?? error}`);
        return empty(params);
      }
    };
  const guarded = <P extends { textDocument: { uri: string } }, R>(name: string, empty: R, handler: (document: TextDocument, params: P, analysis: Analysis, request: Request) => R | Promise<R>) =>
    guardedFor<P, R>(name, (params) => params.textDocument.uri, () => empty, handler);

  /** Whether the document changed or closed since the analysis was made. */
  const outdated = (analysis: Analysis) => () => documents.get(analysis.uri)?.version !== analysis.version;
  const fixOnSaveSkipped = (uri: string, documentSettings: Settings) =>
    connection.console.info(`plainmeta: ${uri}: not fixed on save: the file is larger than ${documentSettings.maxFileSize} KB (setting plainmeta.maxFileSize), where fixing every problem takes several lints of the whole file. Run the Fix All command to fix it.`);

  const codeActions = guarded('code actions', [] as CodeAction[], (document, params: CodeActionParams, analysis, request) => {
    const large = isLarge(analysis.text, request.settings);
    const env = { ...client(), large, fixOnSaveSkipped: () => fixOnSaveSkipped(analysis.uri, request.settings), allowListTarget: (a: Analysis) => workspace.allowListTarget(a) };
    return new FixAllProgress(connection, analysis.uri, large, request.workDone).stepThrough(codeActionsInSteps(analysis, params.context, env), request.token, outdated(analysis));
  });
  connection.onCodeAction(async (params, token, workDone) => {
    // A save of a large file asks only for its fix-all, which is skipped (see codeActionsInSteps).
    // Skip it before linting: a large file is linted on save only, so after any keystroke the
    // lint alone would hold the save for seconds.
    const document = documents.get(params.textDocument.uri);
    if (document && isFixAllOnSave(params.context)) {
      const documentSettings = await settings.get(document.uri);
      if (documentSettings.enable && isLarge(document.getText(), documentSettings) && workspace.reads(document)) {
        fixOnSaveSkipped(document.uri, documentSettings);
        return [];
      }
    }
    return codeActions(params, token, workDone);
  });

  // A whole-file fix offered without its edit (see fixAllAction) gets it here, made for the document's current text.
  connection.onCodeActionResolve(guardedFor('code action resolve', (action: CodeAction) => (action.data as FixAllData | undefined)?.uri, (action) => action, (document, action, analysis, request) =>
    new FixAllProgress(connection, analysis.uri, isLarge(analysis.text, request.settings)).stepThrough(resolveFixAllInSteps(analysis, action, client()), request.token, outdated(analysis))));

  connection.onHover(guarded('hover', null as Hover | null, (document, params, analysis) => hoverAt(analysis, params.position) ?? null));

  connection.onCompletion(guarded('completion', [] as CompletionItem[], (document, params, analysis) =>
    completionsAt(document, analysis.kind, params.position, { snippets: client().snippets })));
}
