// Fix on save, in a real VS Code workbench (code-server in Debian's Chromium), as README.md tells a
// data steward to set it up: with "editor.codeActionsOnSave": {"source.fixAll.plainmeta": "explicit"}
// in the user settings, the steward opens a metadata file, types a sentence with more fixable
// wording, and presses Ctrl+S at once. The file written to disk, and the editor, must hold exactly
// every safe fix applied (the ones `plainmeta lint --fix` applies), and nothing else; the finding
// that needs a person ("inmates") stays, and is the only row left in the Problems panel.
// Used by test/e2e/plainmeta-e2e.js (npm run test:e2e); runnable alone:
//   node test/e2e/plainmeta-fix-on-save.js [--vsix plainmeta-0.1.0.vsix]
'use strict';
const fs = require('fs');
const path = require('path');
const e2e = require('./codeServer');
const { expectProblemRows, problemRow } = require('./plainmeta-ui');

const FILE = 'meals.metadata.yaml';
const BEFORE = [
  "title: School meals for inmates' children",
  'description: >-',
  '  Meals that schools served each month, by town, in order to plan',
  '  budgets.',
  'category: Education',
  'agency: State Department of Education',
  'contact_email: meals@example.gov',
  'update_frequency: yearly',
  'license: Public Domain',
  '',
].join('\n');
/** Typed at the end of line 4, right before the save. */
const TYPED = ' We utilize the the counts.';
// "in order to" → "to", "utilize" → "use", the repeated "the" removed, "yearly" → "Annually".
const SAVED = [
  "title: School meals for inmates' children",
  'description: >-',
  '  Meals that schools served each month, by town, to plan',
  '  budgets. We use the counts.',
  'category: Education',
  'agency: State Department of Education',
  'contact_email: meals@example.gov',
  'update_frequency: Annually',
  'license: Public Domain',
  '',
].join('\n');

const INMATES = ['"inmates" labels people by their circumstance; prefer "people who are incarcerated" or "incarcerated people".', 'person-centered', 1, 25];
const ROWS_BEFORE = [
  ['"yearly" is not an allowed update frequency; did you mean "Annually"?', 'invalid-value', 8, 19],
  INMATES,
  ['"in order to" has a plainer alternative: "to".', 'plain-language', 3, 50],
];

const SETTINGS = {
  'editor.codeActionsOnSave': { 'source.fixAll.plainmeta': 'explicit' },
  // Typed text must stay as typed: no suggestion may be accepted by the "." that ends it.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
};

function step(name) {
  console.error(`[plainmeta-fix-on-save] ${name}`);
}

/** Runs the scenario against `vsix`; rejects with the first failure (after a failure screenshot in `outDir`). */
async function runFixOnSave({ vsix, outDir }) {
  const folder = e2e.makeTempDir('plainmeta-fix-on-save-ws-');
  const file = path.join(folder, FILE);
  fs.writeFileSync(file, BEFORE);
  try {
    await e2e.withWorkbench({ vsixPaths: [vsix], folder, settings: SETTINGS, failureScreenshot: path.join(outDir, 'plainmeta-fix-on-save-failure.png') }, async ({ page }) => {
      step(`open ${FILE}; its findings are listed`);
      await e2e.openFile(page, FILE);
      await expectProblemRows(page, [`${FILE}\n${ROWS_BEFORE.length}`, ...ROWS_BEFORE.map(problemRow)], 'the Problems rows before the save');

      step(`type "${TYPED}" at the end of line 4 and press Ctrl+S at once`);
      await e2e.goToLine(page, 4, 11);
      await page.keyboard.type(TYPED);
      await e2e.waitForEditorText(page, (text) => text === BEFORE.replace('  budgets.', `  budgets.${TYPED}`));
      await e2e.saveActiveEditor(page);

      step('the file on disk and the editor hold exactly the safe fixes');
      // Ctrl+S returns once the tab is clean, which is after the save participants and the write.
      const saved = fs.readFileSync(file, 'utf8');
      if (saved !== SAVED) throw new Error(`the saved file is not the fixed text:\n--- expected ---\n${SAVED}\n--- on disk ---\n${saved}`);
      await e2e.waitForEditorText(page, (text) => text === SAVED);
      await expectProblemRows(page, [`${FILE}\n1`, problemRow(INMATES)], 'only the finding that needs a person, after the save');
      await e2e.screenshot(page, path.join(outDir, 'plainmeta-fix-on-save.png'));
    });
  } finally {
    e2e.removeTempDir(folder);
  }
}

module.exports = { runFixOnSave };

if (require.main === module) {
  const args = process.argv.slice(2);
  const version = JSON.parse(fs.readFileSync(path.join(e2e.ROOT, 'package.json'), 'utf8')).version;
  const vsix = args.includes('--vsix') ? args[args.indexOf('--vsix') + 1] : path.join(e2e.ROOT, `plainmeta-${version}.vsix`);
  runFixOnSave({ vsix, outDir: path.join(e2e.ROOT, 'test-output', 'e2e') }).then(
    () => console.log('PASS: plainmeta fix on save'),
    (err) => {
      console.error(`FAIL: plainmeta fix on save: ${err && err.stack ? err.stack : err}`);
      process.exit(1);
    },
  );
}
