// A trivial suite in the @vscode/test-electron style: an index exporting run(), which builds a
// mocha instance and adds the test files. The same file works under test-electron's runTests
// (as extensionTestsPath) and inside code-server through the plainmeta test-runner extension.
'use strict';
const path = require('path');
const Mocha = require('mocha'); // project's mocha if installed, else the runner extension's copy

function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000 });
  mocha.addFile(path.join(__dirname, 'sample.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}

module.exports = { run };
