import * as assert from 'assert';
import { Diagnostic } from 'vscode-languageserver-types';
import { dictionary } from '../../bench/generate';
import { lintText } from '../../server/src/engine/lint';
import { asciiJson, encodePublishDiagnostics } from '../../server/src/lsp/encoding';
import { toDiagnostic } from '../../server/src/lsp/services/diagnostics';

const publish = (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });

/** The encoded message is the message itself, in ASCII, and the very text asciiJson writes of it. */
function assertEncodes(encoded: Buffer, message: ReturnType<typeof publish>): void {
  const text = encoded.toString('utf8');
  assert.match(text, /^[\x00-\x7f]*$/);
  assert.deepStrictEqual(JSON.parse(text), message);
  assert.strictEqual(text, asciiJson(message));
}

describe('asciiJson', () => {
  it('writes every character beyond ASCII as an escape, each half of a surrogate pair on its own', () => {
    assert.strictEqual(asciiJson({ m: 'é « — 😀 "q"\n' }), '{"m":"\\u00e9 \\u00ab \\u2014 \\ud83d\\ude00 \\"q\\"\\n"}');
    assert.deepStrictEqual(JSON.parse(asciiJson({ m: 'é « — 😀 "q"\n' })), { m: 'é « — 😀 "q"\n' });
  });
});

describe('publishDiagnostics JSON built from the JSON of each diagnostic', () => {
  const linted = lintText(dictionary(20e3, 7), { path: 'x.dictionary.yaml' }).findings.map(toDiagnostic);
  // A message beyond ASCII, so that lengths in bytes and in characters differ.
  const diagnostics = [...linted, { ...linted[0], message: 'Écrire « DCF » en entier — 😀' }];

  it('is the message JSON.stringify would write, in ASCII, with no diagnostics, one, or many, with and without a version', () => {
    assert.ok(diagnostics.length > 20);
    for (const message of [
      publish({ uri: 'file:///w/x.dictionary.yaml', version: 3, diagnostics: [] }),
      publish({ uri: 'file:///w/x.dictionary.yaml', diagnostics: [] }),
      publish({ uri: 'file:///w/ä "q".dictionary.yaml', version: 4, diagnostics: diagnostics.slice(0, 1) }),
      publish({ uri: 'file:///w/x.dictionary.yaml', version: 5, diagnostics }),
    ]) {
      assertEncodes(encodePublishDiagnostics(message), message);
    }
  });

  it('is the same message when the diagnostics sent before are sent again, in another order, beside new ones', () => {
    const first = encodePublishDiagnostics(publish({ uri: 'file:///w/x.dictionary.yaml', version: 1, diagnostics: diagnostics.slice(0, 10) }));
    assertEncodes(first, publish({ uri: 'file:///w/x.dictionary.yaml', version: 1, diagnostics: diagnostics.slice(0, 10) }));
    const again = publish({ uri: 'file:///w/x.dictionary.yaml', version: 2, diagnostics: [...diagnostics.slice(0, 10)].reverse().concat(diagnostics.slice(10)) });
    assertEncodes(encodePublishDiagnostics(again), again);
  });
});
