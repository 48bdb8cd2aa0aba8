import * as assert from 'assert';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ClientCapabilities,
  CodeAction,
  ConfigurationRequest,
  createProtocolConnection,
  DataCallback,
  Diagnostic,
  ExitNotification,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  Message,
  NotificationMessage,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  RequestMessage,
  ResponseMessage,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'bin', 'plainmeta-language-server.js');

/** What a full-featured editor says it can do, as VS Code does. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    synchronization: { didSave: true },
    completion: { completionItem: { snippetSupport: false } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown'] },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

/** A reader that also shows each message it reads to the test (for responses to raw requests). */
class ObservedReader extends StreamMessageReader {
  readonly observers = new Set<(message: Message) => void>();

  constructor(readable: NodeJS.ReadableStream) {
    super(readable);
    // A server killed while writing a message leaves half of it in the buffer, and the reader's
    // "partial message" warning timer then re-arms itself every 10 s forever (neither the stream
    // closing nor dispose() clears it), which kept mocha from exiting after every test passed.
    // The tests have no use for the warning, so the timer is never armed.
    this.partialMessageTimeout = 0;
  }

  override listen(callback: DataCallback) {
    return super.listen((message) => {
      for (const observe of this.observers) observe(message);
      callback(message);
    });
  }
}

/**
 * A minimal editor for tests: spawns the built server over stdio, keeps the documents it opened
 * in sync, records every publishDiagnostics and answers the server's requests.
 */
export class TestEditor {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly documents = new Map<string, TextDocument>();
  /** Per-resource settings answered to workspace/configuration. */
  settings: (uri: string | undefined) => unknown = () => ({ enable: true, run: 'onType' });
  readonly registrations: string[] = [];
  stderr = '';
  private readonly exited: Promise<number | null>;
  private readonly waiters: Array<() => void> = [];
  private readonly reader: ObservedReader;
  /** Servers not yet ended, including one whose start a test timed out waiting for. */
  private static readonly running = new Set<TestEditor>();

  constructor(readonly process: ChildProcess) {
    TestEditor.running.add(this);
    process.on('exit', () => TestEditor.running.delete(this));
    this.reader = new ObservedReader(process.stdout!);
    this.connection = createProtocolConnection(this.reader, new StreamMessageWriter(process.stdin!));
    process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'plainmeta' ? this.settings(item.scopeUri) : null)));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
    });
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  static async start(options: { rootUri?: string | null; capabilities?: ClientCapabilities; cwd?: string; server?: string } = {}): Promise<{ editor: TestEditor; initialized: InitializeResult }> {
    const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { cwd: options.cwd ?? ROOT, stdio: 'pipe' });
    const editor = new TestEditor(child);
    const rootUri = options.rootUri ?? null;
    const initialized = await editor.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
    });
    await editor.connection.sendNotification(InitializedNotification.type, {});
    return { editor, initialized };
  }

  open(uri: string, text: string): TextDocument {
    const document = TextDocument.create(uri, 'yaml', 1, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return document;
  }

  /** Sends incremental changes and returns the document's new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const before = this.document(uri);
    const after = TextDocument.update(before, changes, before.version + 1);
    this.documents.set(uri, after);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: after.version }, contentChanges: changes });
    return after.version;
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    assert.ok(document, `not open: ${uri}`);
    return document;
  }

  /** How many publications have arrived; pass it to `diagnostics` to wait only for later ones. */
  mark(): number {
    return this.published.length;
  }

  /** The first publication for `uri` (after `since`) that satisfies `accept`. */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<Diagnostic[]> {
    for (;;) {
      const found = this.published.slice(since).find((p) => p.uri === uri && accept(p));
      if (found) return found.diagnostics;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Diagnostics published for the document's current version. */
  current(uri: string): Promise<Diagnostic[]> {
    const version = this.document(uri).version;
    return this.diagnostics(uri, (p) => p.version === version);
  }

  /**
   * Applies a workspace edit as an editor would: refuses edits for a version that is not the
   * document's current one, creates files on disk, and sends the changes of open documents.
   */
  apply(edit: WorkspaceEdit): void {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) this.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        assert.strictEqual(change.kind, 'create', `unexpected resource operation ${change.kind}`);
        const file = fileURLToPath(change.uri);
        assert.ok(!fs.existsSync(file) || change.options?.overwrite || change.options?.ignoreIfExists, `would overwrite ${file}`);
        fs.writeFileSync(file, '');
        continue;
      }
      const { uri, version } = change.textDocument;
      const textEdits = change.edits as TextEdit[];
      const edits = textEdits.map((e) => ({ range: e.range, text: e.newText }));
      if (this.documents.has(uri)) {
        if (version !== null) assert.strictEqual(version, this.document(uri).version, 'edit made for another version');
        this.change(uri, edits);
      } else {
        // A closed file: edited on disk, as an editor does when it saves the edit.
        const file = fileURLToPath(uri);
        const document = TextDocument.create(uri, 'yaml', 0, fs.readFileSync(file, 'utf8'));
        fs.writeFileSync(file, TextDocument.applyEdits(document, textEdits));
      }
    }
  }

  /**
   * Sends messages the connection does not track (requests with ids of the test's choosing) in
   * one write, so the server reads them all before it handles any; resolves with the server's
   * responses to the requests among them, in order.
   */
  sendInOneWrite(messages: Array<RequestMessage | NotificationMessage>): Promise<ResponseMessage[]> {
    const ids = messages.filter((m): m is RequestMessage => 'id' in m).map((m) => m.id);
    const responses = new Map<unknown, ResponseMessage>();
    const answered = new Promise<ResponseMessage[]>((resolve) => {
      const observe = (message: Message) => {
        const response = message as ResponseMessage;
        if (!('id' in response) || 'method' in response || !ids.includes(response.id as number | string)) return;
        responses.set(response.id, response);
        if (responses.size < ids.length) return;
        this.reader.observers.delete(observe);
        resolve(ids.map((id) => responses.get(id)!));
      };
      this.reader.observers.add(observe);
    });
    const framed = messages.map((m) => {
      const body = Buffer.from(JSON.stringify(m), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.process.stdin!.write(Buffer.concat(framed));
    return answered;
  }

  /** Calls `observe` with every message read from the server, in the order they arrive, until the returned function is called. */
  observe(observe: (message: Message) => void): () => void {
    this.reader.observers.add(observe);
    return () => this.reader.observers.delete(observe);
  }

  /** Shutdown, exit, and the server process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  exitCode(): Promise<number | null> {
    return this.exited;
  }

  kill(): void {
    if (this.process.exitCode === null && !this.process.killed) this.process.kill();
    this.connection.dispose();
  }

  /** Ends every server still running: for an afterEach, so a test that timed out leaves none behind. */
  static killAll(): void {
    for (const editor of TestEditor.running) editor.kill();
  }
}

/** A diagnostic reduced to what tests compare. */
export function brief(d: Diagnostic): { code: unknown; range: [number, number, number, number]; message: string } {
  return { code: d.code, range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], message: d.message as string };
}

interface CliFix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
}

/** `plainmeta lint --format json FILE`: the diagnostics of its one file. */
function cliJson(file: string): Array<{ rule: string; severity: string; message: string; range: Diagnostic['range']; fixes: CliFix[] }> {
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'plainmeta.js'), 'lint', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8' });
  assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
  return JSON.parse(cli.stdout).files[0].diagnostics;
}

/** What `plainmeta lint --format json FILE` reports, shaped as the server's diagnostics. */
export function cliDiagnostics(file: string): Array<Pick<Diagnostic, 'code' | 'severity' | 'message' | 'range'>> {
  return cliJson(file).map((d) => ({ code: d.rule, severity: (['error', 'warning', 'info', 'hint'].indexOf(d.severity) + 1) as Diagnostic['severity'], message: d.message, range: d.range }));
}

/** The same fields of the server's diagnostics. */
export function asCli(diagnostics: Diagnostic[]): ReturnType<typeof cliDiagnostics> {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
}

/**
 * The fixes `plainmeta lint --format json FILE` reports for each diagnostic, as the quick fixes
 * an editor is offered for it: their titles and edits, the one safe fix preferred.
 */
export function cliFixes(file: string): Array<Array<{ title: string; isPreferred: true | undefined; edits: TextEdit[] }>> {
  return cliJson(file).map((d) => d.fixes.map((fix) => ({ title: fix.title, isPreferred: fix.safe && d.fixes.filter((f) => f.safe).length === 1 ? true : undefined, edits: fix.edits })));
}

/**
 * The quick fixes the server offers for one diagnostic that are its finding's own fixes, shaped as
 * `cliFixes`: every quick fix but those for the whole file, the allow list and disabling the rule.
 */
export async function offeredFixes(editor: TestEditor, uri: string, diagnostic: Diagnostic): Promise<ReturnType<typeof cliFixes>[number]> {
  const actions = (await editor.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })) as CodeAction[];
  return actions
    .filter((a) => !/^(Fix all |Disable |Add ')/.test(a.title))
    .map((a) => ({ title: a.title, isPreferred: a.isPreferred as true | undefined, edits: (a.edit!.documentChanges![0] as { edits: TextEdit[] }).edits }));
}
