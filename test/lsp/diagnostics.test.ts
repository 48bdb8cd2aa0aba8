import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { dictionary, seededRandom } from '../../bench/generate';
import { DocumentLinter } from '../../server/src/engine/document';
import { Finding, finish } from '../../server/src/engine/lint';
import { analyzeInSteps, NO_CONFIG } from '../../server/src/lsp/services/analysis';
import { diagnosticsOf } from '../../server/src/lsp/services/diagnostics';

describe('diagnostics reused between versions of a document', () => {
  it('are exactly those made afresh, after random edits that keep, move or change findings', () => {
    const random = seededRandom(61);
    let text = dictionary(15e3, 61);
    const uri = 'file:///work/reused.dictionary.yaml';
    const linter = new DocumentLinter({ path: '' });
    let earlier: Map<Finding, Diagnostic> | undefined;
    let reusedSame = 0;
    let reusedMoved = 0;
    for (let version = 1; version <= 120; version++) {
      const analysis = finish(analyzeInSteps(TextDocument.create(uri, 'yaml', version, text), () => NO_CONFIG, linter))!;
      const { diagnostics, byFinding } = diagnosticsOf(analysis, earlier);
      assert.deepStrictEqual(diagnostics, diagnosticsOf(analysis).diagnostics, `version ${version}`);
      for (const finding of analysis.findings) {
        if (earlier?.has(finding)) reusedSame++;
        else if (earlier?.has(analysis.moved?.get(finding) as Finding)) reusedMoved++;
      }
      earlier = byFinding;
      // A word or a line typed in a description, a line joined, or a comment line added.
      const at = text.indexOf('description: ', Math.floor(random() * text.length)) + 13;
      if (at < 13) continue;
      const typed = ['x', 'DCF ', 'the handicapped ', '\n    ', '', '# note\n    '][Math.floor(random() * 6)];
      text = typed === '# note\n    ' ? text.slice(0, at - 13) + typed + text.slice(at - 13) : text.slice(0, at) + typed + text.slice(at + (typed === '' ? 3 : 0));
    }
    assert.ok(reusedSame > 300, `only ${reusedSame} diagnostics were the very same`);
    assert.ok(reusedMoved > 300, `only ${reusedMoved} diagnostics were moved ones`);
  });
});
