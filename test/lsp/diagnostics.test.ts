import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { dictionary, seededRandom } from '../../bench/generate';
import { DocumentLinter } from '../../server/src/engine/document';
import { Finding, finish, lintText } from '../../server/src/engine/lint';
import { analyzeInSteps, NO_CONFIG } from '../../server/src/lsp/services/analysis';
import { diagnosticsOf, mostSevere } from '../../server/src/lsp/services/diagnostics';

describe('diagnostics reused between versions of a document', () => {
  /**
   * Lints 120 versions of a dictionary, each a random edit of the one before, and publishes the
   * `mostSevere(room)` of each version's findings (all when room is undefined) reusing what the
   * last publication made. Returns how many were the very same and how many moved ones.
   */
  const reuseOverEdits = (room?: number) => {
    const random = seededRandom(61);
    let text = dictionary(15e3, 61);
    const uri = 'file:///work/reused.dictionary.yaml';
    const linter = new DocumentLinter({ path: '' });
    let earlier: Map<Finding, Diagnostic> | undefined;
    let reusedSame = 0;
    let reusedMoved = 0;
    for (let version = 1; version <= 120; version++) {
      const analysis = finish(analyzeInSteps(TextDocument.create(uri, 'yaml', version, text), () => NO_CONFIG, linter))!;
      const shown = room === undefined ? analysis.findings : mostSevere(analysis.findings, room);
      const { diagnostics, byFinding } = diagnosticsOf(analysis, earlier, shown);
      assert.deepStrictEqual(diagnostics, diagnosticsOf(analysis, undefined, shown).diagnostics, `version ${version}`);
      for (const finding of shown) {
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
    return { reusedSame, reusedMoved };
  };

  it('are exactly those made afresh, after random edits that keep, move or change findings', () => {
    const { reusedSame, reusedMoved } = reuseOverEdits();
    assert.ok(reusedSame > 300, `only ${reusedSame} diagnostics were the very same`);
    assert.ok(reusedMoved > 300, `only ${reusedMoved} diagnostics were moved ones`);
  });

  it('are exactly those made afresh when only the most severe are published', () => {
    // 100 of the 133 warnings of the file, the edits changing which.
    const { reusedSame, reusedMoved } = reuseOverEdits(100);
    assert.ok(reusedSame > 120 && reusedMoved > 70, `only ${reusedSame} diagnostics were the very same, ${reusedMoved} moved ones`);
  });
});

describe('mostSevere', () => {
  // Every severity, in an order that is not theirs.
  const text = 'title: DCF placements\ndescription: We utilize the DCF extract. Data is collected by the agency.\nupdate_frequency: sometimes\ncolumns:\n  - name: age\n    description: TBD\n';
  const findings = lintText(text, { path: 'placements.metadata.yaml' }).findings;
  const RANK = ['error', 'warning', 'info', 'hint'];
  /** VS Code's choice, made another way: sorted by severity (stably), cut, and put back in order. */
  const expected = (room: number) =>
    findings
      .map((finding, i) => ({ finding, i }))
      .sort((a, b) => RANK.indexOf(a.finding.severity) - RANK.indexOf(b.finding.severity) || a.i - b.i)
      .slice(0, room)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.finding);

  it('takes errors, then warnings, information and hints, each in the order of the list, and keeps that order', () => {
    assert.deepStrictEqual(new Set(findings.map((f) => f.severity)), new Set(RANK));
    assert.notDeepStrictEqual(findings.map((f) => f.severity), [...findings.map((f) => f.severity)].sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b)));
    for (let room = 0; room < findings.length; room++) assert.deepStrictEqual(mostSevere(findings, room), expected(room), `room ${room}`);
  });

  it('returns the very list when it fits', () => {
    assert.strictEqual(mostSevere(findings, findings.length), findings);
    assert.strictEqual(mostSevere(findings, 1000), findings);
  });
});
