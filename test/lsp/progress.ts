import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as assert from 'assert';
import { Hover, Message } from 'vscode-languageserver-protocol/node';
import { EDITOR_CAPABILITIES, TestEditor } from './lspClient';

/** A small metadata file with an undefined acronym ("DCF", line 0, characters 7 to 10) to hover on. */
export const SMALL = ['title: DCF placements', 'description: Counts of placements by town.', 'update_frequency: Annually', 'license: Public Domain', 'category: Education', 'contact_email: a@example.gov', ''].join('\n');

export type ProgressValue = { kind: 'begin' | 'report' | 'end'; message?: string; percentage?: number };

/** A message from the server: a progress value by its token, or the answer to one of the test's raw requests. */
export type Seen = { token?: string; progress?: ProgressValue; answered?: unknown };

/**
 * For the tests of a large file's lint in steps: before each test, a server over stdio in a new
 * folder, with progress bars, files above 100 KB large, and every message it sends noted in
 * order (`seen`), since the tests look at the order of the server's messages, never at timing.
 */
export function largeFileSession() {
  let dir = '';
  const session = {
    editor: undefined as unknown as TestEditor,
    seen: [] as Seen[],
    /** Writes a file into the folder and gives its URI. */
    file(name: string, content: string): string {
      fs.writeFileSync(path.join(dir, name), content);
      return pathToFileURL(path.join(dir, name)).href;
    },
    /** Calls `act` once, on the first progress report that `matches`. */
    onFirstReport(matches: (p: ProgressValue) => boolean, act: () => void): void {
      let acted = false;
      session.editor.observe((message: Message) => {
        const m = message as { method?: string; params?: { value: ProgressValue } };
        if (acted || m.method !== '$/progress' || !matches(m.params!.value)) return;
        acted = true;
        act();
      });
    },
    /**
     * Opens SMALL, then the large `text`, and on the first progress report of its lint that
     * `matches` sends a hover on SMALL's "DCF" with the id `id`; checks the answer and gives where
     * it came among the messages seen.
     */
    async hoverDuring(text: string, matches: (p: ProgressValue) => boolean, id: string): Promise<number> {
      const { editor } = session;
      const small = session.file('small.metadata.yaml', SMALL);
      editor.open(small, SMALL);
      await editor.current(small);
      const large = session.file('large.dictionary.yaml', text);
      let hover: Promise<Array<{ result?: unknown }>> | undefined;
      session.onFirstReport(matches, () => {
        hover = editor.sendInOneWrite([{ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: small }, position: { line: 0, character: 8 } } }]);
      });
      editor.open(large, text);
      const diagnostics = await editor.current(large);
      assert.strictEqual(diagnostics[0].code, 'large-file');
      assert.ok(hover, 'the lint reported such progress');
      const [answer] = await hover;
      assert.deepStrictEqual((answer.result as Hover).range, { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } });
      return session.seen.findIndex((s) => s.answered === id);
    },
    /** The messages seen, for an assertion's message. */
    summary(): string {
      return JSON.stringify(session.seen.map((s) => s.answered ?? `${s.token} ${s.progress!.kind} ${s.progress!.message ?? ''}`));
    },
  };
  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-large-')));
    const editor = (session.editor = (await TestEditor.start({ rootUri: pathToFileURL(dir).href, capabilities: { ...EDITOR_CAPABILITIES, window: { workDoneProgress: true } } })).editor);
    editor.connection.onRequest('window/workDoneProgress/create', () => null);
    // Files above 100 KB are large: SMALL is not.
    editor.settings = () => ({ enable: true, run: 'onType', maxFileSize: 100 });
    const seen: Seen[] = (session.seen = []);
    editor.observe((message: Message) => {
      const m = message as { method?: string; id?: unknown; params?: { token: unknown; value: ProgressValue } };
      if (m.method === '$/progress') seen.push({ token: JSON.stringify(m.params!.token), progress: m.params!.value });
      else if (m.method === undefined && typeof m.id === 'string') seen.push({ answered: m.id });
    });
  });
  afterEach(() => TestEditor.killAll());
  return session;
}
