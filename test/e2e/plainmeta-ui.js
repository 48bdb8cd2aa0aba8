// The packaged plainmeta extension in a real VS Code workbench (code-server in Debian's Chromium),
// driven with the keyboard the way a data steward would use it:
//   1. a YAML file plainmeta does not read (opened first) gets no plainmeta problems;
//   2. the example metadata file shows exactly the expected rows in the Problems panel
//      (screenshot: test-output/e2e/plainmeta-diagnostics.png);
//   3. Ctrl+G to a finding, Ctrl+. and a quick fix, twice; the editor text, the Problems panel and,
//      after Ctrl+S, the file on disk change exactly as expected.
// Used by test/e2e/plainmeta-e2e.js (npm run test:e2e); runnable alone:
//   node test/e2e/plainmeta-ui.js [--vsix plainmeta-0.1.0.vsix]
'use strict';
const fs = require('fs');
const path = require('path');
const e2e = require('./codeServer');

const EXAMPLE = path.join(e2e.ROOT, 'examples', 'children-in-placement.metadata.yaml');
const METADATA = 'children-in-placement.metadata.yaml';
const OTHER_YAML = 'pipeline.yaml';
// Prose plainmeta would flag ("utilize", "DCF", "inmates") if it read this file.
const OTHER_YAML_TEXT = 'name: nightly refresh\ndescription: We utilize the DCF extract in order to count inmates.\non: [push]\n';

const DCF = '"DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".';
const INMATES = '"Inmates" labels people by their circumstance; prefer "People who are incarcerated" or "Incarcerated people".';
// In the title-cased title the suggestions are title-cased too, as the fix would write them.
const INMATES_IN_TITLE = '"Inmates" labels people by their circumstance; prefer "People Who Are Incarcerated" or "Incarcerated People".';
const DEFINE_DCF = 'Define on first use: "Department of Children and Families (DCF)"';

/** The Problems panel for the example: errors, then warnings, then infos (hints are not listed). */
const EXPECTED_PROBLEMS = [
  ['Required field "license" is missing.', 'required-field', 2, 1],
  ['"yearly" is not an allowed update frequency; did you mean "Annually"?', 'invalid-value', 12, 19],
  [DCF, 'acronym', 2, 8],
  [INMATES_IN_TITLE, 'person-centered', 2, 26],
  [DCF, 'acronym', 4, 32],
  ['"in order to" has a plainer alternative: "to".', 'plain-language', 4, 36],
  ['"utilize" has a plainer alternative: "use".', 'plain-language', 4, 48],
  ['"prior to" has a plainer alternative: "before".', 'plain-language', 4, 69],
  [INMATES, 'person-centered', 5, 59],
  ['"utilization" has a plainer alternative: "use".', 'plain-language', 7, 3],
  ['The description of column "age_group" only repeats its name; say what it measures.', 'undocumented-column', 17, 18],
  ['Column "placement_type" has a placeholder description ("TBD"); say what it measures.', 'undocumented-column', 20, 18],
  ['Column "child_count" has no description; say what it measures.', 'undocumented-column', 21, 11],
  ['No column holds a date; the guidelines recommend one, such as the date each row was last updated.', 'date-column', 2, 1],
  ['The title names a single year ("2019"); add each year\'s data to one dataset instead of publishing a dataset per year, and keep the year in a column.', 'title-year', 2, 45],
  ['The description reads at grade 18.4 (Flesch-Kincaid); aim for grade 12 or below with shorter sentences and everyday words.', 'readability', 3, 1],
];

/** A Problems panel row as the workbench renders it: message, source, code, position. */
const problemRow = ([message, code, line, col]) => `${message}\nplainmeta\n${code}\n[Ln ${line}, Col ${col}]`;

function step(name) {
  console.error(`[plainmeta-ui] ${name}`);
}

/**
 * Waits until the Problems panel rows equal `expected`; the error shows the rows last seen. The panel
 * is maximized meanwhile, so that every row is rendered (the list only renders the rows in view).
 */
async function expectProblemRows(page, expected, what) {
  await e2e.showProblems(page);
  await e2e.runCommand(page, 'View: Toggle Maximized Panel');
  let rows = [];
  await e2e
    .waitFor(async () => JSON.stringify((rows = await e2e.problemRows(page))) === JSON.stringify(expected), { timeoutMs: 30000, what })
    .catch((err) => {
      throw new Error(`${err.message}\n--- expected rows ---\n${expected.join('\n---\n')}\n--- rows seen ---\n${rows.join('\n---\n')}`);
    });
  await e2e.runCommand(page, 'View: Toggle Maximized Panel');
}

/**
 * Runs the scenarios against `vsix`; screenshots go to `outDir`. Resolves when every step passed,
 * rejects with the first failure (after a failure screenshot).
 */
async function runPlainmetaUi({ vsix, outDir }) {
  const folder = e2e.makeTempDir('plainmeta-ui-ws-');
  const original = fs.readFileSync(EXAMPLE, 'utf8');
  fs.writeFileSync(path.join(folder, METADATA), original);
  fs.writeFileSync(path.join(folder, OTHER_YAML), OTHER_YAML_TEXT);
  try {
    await e2e.withWorkbench({ vsixPaths: [vsix], folder, failureScreenshot: path.join(outDir, 'plainmeta-ui-failure.png') }, async ({ page }) => {
      step(`open ${OTHER_YAML}, then ${METADATA}`);
      await e2e.openFile(page, OTHER_YAML);
      await e2e.openFile(page, METADATA);

      step('the Problems panel lists exactly the expected findings, and none for the other YAML file');
      await expectProblemRows(page, [`${METADATA}\n${EXPECTED_PROBLEMS.length}`, ...EXPECTED_PROBLEMS.map(problemRow)], 'the expected Problems rows');
      await e2e.screenshot(page, path.join(outDir, 'plainmeta-diagnostics.png'));

      step(`Ctrl+G 2:8, Ctrl+. "${DEFINE_DCF}"`);
      const expected = original.split('\n');
      await e2e.goToLine(page, 2, 8);
      await e2e.applyQuickFix(page, DEFINE_DCF);
      expected[1] = "title: Department of Children and Families (DCF) Placements of Inmates' Children, 2019";
      await e2e.waitForEditorText(page, (text) => text === expected.join('\n'));
      // Defined in the title, "DCF" is fine in the description too: both rows go.
      await e2e.waitForNoProblem(page, DCF);

      step('Ctrl+G 4:48, Ctrl+. "Replace with "use""');
      await e2e.goToLine(page, 4, 48);
      await e2e.applyQuickFix(page, 'Replace with "use"');
      expected[3] = '  Counts of children placed by DCF in order to use foster care, prior to';
      await e2e.waitForEditorText(page, (text) => text === expected.join('\n'));
      await e2e.waitForNoProblem(page, '"utilize" has a plainer alternative');
      // The rest stay, moved along their lines by the longer title and the shorter description.
      const remaining = [
        ...EXPECTED_PROBLEMS.slice(0, 2),
        [INMATES_IN_TITLE, 'person-centered', 2, 64],
        ['"in order to" has a plainer alternative: "to".', 'plain-language', 4, 36],
        ['"prior to" has a plainer alternative: "before".', 'plain-language', 4, 65],
        ...EXPECTED_PROBLEMS.slice(8, 14),
        ['The title names a single year ("2019"); add each year\'s data to one dataset instead of publishing a dataset per year, and keep the year in a column.', 'title-year', 2, 83],
        ['The description reads at grade 17.9 (Flesch-Kincaid); aim for grade 12 or below with shorter sentences and everyday words.', 'readability', 3, 1],
      ];
      await expectProblemRows(page, [`${METADATA}\n${remaining.length}`, ...remaining.map(problemRow)], 'the Problems rows after the fixes');

      step('Ctrl+S writes the fixed text to disk');
      await e2e.saveActiveEditor(page);
      const saved = fs.readFileSync(path.join(folder, METADATA), 'utf8');
      if (saved !== expected.join('\n')) {
        throw new Error(`the file on disk is not the fixed text:\n--- expected ---\n${expected.join('\n')}\n--- on disk ---\n${saved}`);
      }
      await e2e.screenshot(page, path.join(outDir, 'plainmeta-after-fixes.png'));
    });
  } finally {
    e2e.removeTempDir(folder);
  }
}

module.exports = { runPlainmetaUi, expectProblemRows, problemRow };

if (require.main === module) {
  const args = process.argv.slice(2);
  const version = JSON.parse(fs.readFileSync(path.join(e2e.ROOT, 'package.json'), 'utf8')).version;
  const vsix = args.includes('--vsix') ? args[args.indexOf('--vsix') + 1] : path.join(e2e.ROOT, `plainmeta-${version}.vsix`);
  runPlainmetaUi({ vsix, outDir: path.join(e2e.ROOT, 'test-output', 'e2e') }).then(
    () => console.log('PASS: plainmeta UI'),
    (err) => {
      console.error(`FAIL: plainmeta UI: ${err && err.stack ? err.stack : err}`);
      process.exit(1);
    },
  );
}
