// Test-only fixture: a diagnostic on every "DCF" in plain-text files, with a quick fix that
// expands it. Lets test/e2e/ui-smoke.js exercise the Problems panel and quick-fix helpers
// without depending on the real plainmeta extension.
'use strict';
const vscode = require('vscode');

function activate(context) {
  const diags = vscode.languages.createDiagnosticCollection('e2e-fixture');
  const refresh = (doc) => {
    if (doc.languageId !== 'plaintext') return;
    const list = [];
    const re = /\bDCF\b/g;
    const text = doc.getText();
    for (let m; (m = re.exec(text)); ) {
      const range = new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + 3));
      const d = new vscode.Diagnostic(range, 'Spell out "DCF" for readers', vscode.DiagnosticSeverity.Warning);
      d.source = 'e2e-fixture';
      d.code = 'no-acronym';
      list.push(d);
    }
    diags.set(doc.uri, list);
  };
  context.subscriptions.push(
    diags,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.languages.registerCodeActionsProvider(
      'plaintext',
      {
        provideCodeActions(doc, _range, ctx) {
          return ctx.diagnostics
            .filter((d) => d.source === 'e2e-fixture')
            .map((d) => {
              const fix = new vscode.CodeAction('Replace with "data collection form"', vscode.CodeActionKind.QuickFix);
              fix.edit = new vscode.WorkspaceEdit();
              fix.edit.replace(doc.uri, d.range, 'data collection form');
              fix.diagnostics = [d];
              fix.isPreferred = true;
              return fix;
            });
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
  vscode.workspace.textDocuments.forEach(refresh);
}

module.exports = { activate, deactivate() {} };
