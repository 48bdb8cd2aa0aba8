import * as assert from 'assert';
import { Diagnostic } from 'vscode-languageserver-types';
import { dictionary } from '../../bench/generate';
import { lintText } from '../../server/src/engine/lint';
import { encodePublishDiagnostics } from '../../server/src/lsp/encoding';
import { toDiagnostic } from '../../server/src/lsp/services/diagnostics';

const publish = (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });

describe('publishDiagnostics JSON built from the JSON of each diagnostic', () => {
  const linted = lintText(dictionary(20e3, 7), { path: 'x.dictionary.yaml' }).findings.map(toDiagnostic);
  // A message beyond ASCII, so that lengths in bytes and in characters differ.
  const diagnostics = [...linted, { ...linted[0], message: 'Écrire « DCF » en entier — 😀' }];

  it('is the message JSON.stringify would write, with no diagnostics, one, or many, with and without a version', () => {
    assert.ok(diagnostics.length > 20);
    for (const message of [
      publish({ uri: 'file:///w/x.dictionary.yaml', version: 3, diagnostics: [] }),
      publish({ uri: 'file:///w/x.dictionary.yaml', diagnostics: [] }),
      publish({ uri: 'file:///w/ä "q".dictionary.yaml', version: 4, diagnostics: diagnostics.slice(0, 1) }),
      publish({ uri: 'file:///w/x.dictionary.yaml', version: 5, diagnostics }),
    ]) {
      const encoded = encodePublishDiagnostics(message);
      assert.strictEqual(encoded.toString('utf8'), JSON.stringify(message));
    }
  });

  it('is the same message when the diagnostics sent before are sent again, in another order, beside new ones', () => {
    const first = encodePublishDiagnostics(publish({ uri: 'file:///w/x.dictionary.yaml', version: 1, diagnostics: diagnostics.slice(0, 10) }));
    assert.strictEqual(first.toString('utf8'), JSON.stringify(publish({ uri: 'file:///w/x.dictionary.yaml', version: 1, diagnostics: diagnostics.slice(0, 10) })));
    const again = publish({ uri: 'file:///w/x.dictionary.yaml', version: 2, diagnostics: [...diagnostics.slice(0, 10)].reverse().concat(diagnostics.slice(10)) });
    assert.strictEqual(encodePublishDiagnostics(again).toString('utf8'), JSON.stringify(again));
  });
});
