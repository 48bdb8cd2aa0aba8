import * as assert from 'assert';
import { applyEdits } from '../../server/src/engine/fixes';
import { addToAllowList, newConfigText } from '../../server/src/lsp/services/allowList';
import { minimalEdit } from '../../server/src/lsp/services/edits';

/** The config text after adding the acronym, or undefined when no edit is offered. */
function added(text: string, acronym = 'DCF'): string | undefined {
  const edit = addToAllowList(text, acronym);
  return edit && applyEdits(text, [edit]);
}

describe('adding an acronym to the allow list of .plainmeta.yaml', () => {
  it('writes a new file with a comment and the list', () => {
    assert.strictEqual(newConfigText('DCF'), '# plainmeta project configuration: https://github.com/plainmeta/plainmeta\nacronyms:\n  allow: [DCF]\n');
  });

  it('adds the section to an empty file or one without it, ending the last line first', () => {
    assert.strictEqual(added(''), 'acronyms:\n  allow: [DCF]\n');
    assert.strictEqual(added('# only a comment\n'), '# only a comment\nacronyms:\n  allow: [DCF]\n');
    assert.strictEqual(added('profile: dcat-us'), 'profile: dcat-us\nacronyms:\n  allow: [DCF]\n');
  });

  it('adds allow beside a glossary', () => {
    assert.strictEqual(
      added('acronyms:\n  glossary:\n    DMHAS: Department of Mental Health and Addiction Services\nterms:\n  allow: [disabled person]\n'),
      'acronyms:\n  glossary:\n    DMHAS: Department of Mental Health and Addiction Services\n  allow: [DCF]\nterms:\n  allow: [disabled person]\n',
    );
  });

  it('appends to a flow list, empty or not, keeping comments', () => {
    assert.strictEqual(added('acronyms:\n  allow: []\n'), 'acronyms:\n  allow: [DCF]\n');
    assert.strictEqual(added('acronyms:\n  allow: [FIPS, GEOID] # known\n'), 'acronyms:\n  allow: [FIPS, GEOID, DCF] # known\n');
  });

  it('appends to a block list at its indentation, with the file\'s line breaks', () => {
    assert.strictEqual(added('acronyms:\n  allow:\n    - FIPS\n    - GEOID\nprofile: ct-open-data\n'), 'acronyms:\n  allow:\n    - FIPS\n    - GEOID\n    - DCF\nprofile: ct-open-data\n');
    assert.strictEqual(added('acronyms:\r\n  allow:\r\n  - FIPS'), 'acronyms:\r\n  allow:\r\n  - FIPS\r\n  - DCF');
  });

  it('quotes an acronym YAML would read as something else', () => {
    assert.strictEqual(added('acronyms:\n  allow: [FIPS]\n', 'NO'), 'acronyms:\n  allow: [FIPS, NO]\n');
    assert.strictEqual(added('acronyms:\n  allow: [FIPS]\n', '1E3'), 'acronyms:\n  allow: [FIPS, "1E3"]\n');
  });

  it('rewrites other shapes through the YAML library, changing only what it must', () => {
    assert.strictEqual(added('acronyms: {allow: [FIPS]}\nprofile: ct-open-data\n'), 'acronyms: { allow: [ FIPS, DCF ] }\nprofile: ct-open-data\n');
    assert.strictEqual(added('acronyms:\n  allow:\n'), 'acronyms:\n  allow: [ DCF ]\n');
  });

  it('offers nothing for an invalid file, a file that is not a mapping, or an acronym already allowed', () => {
    assert.strictEqual(addToAllowList('acronyms: [unclosed\n', 'DCF'), undefined);
    assert.strictEqual(addToAllowList('- a\n- b\n', 'DCF'), undefined);
    assert.strictEqual(addToAllowList('acronyms:\n  allow: [DCF]\n', 'DCF'), undefined);
    assert.strictEqual(addToAllowList('acronyms:\n  allow: DCF\n', 'SDE'), undefined);
  });
});

describe('minimalEdit', () => {
  it('replaces only what changed', () => {
    assert.deepStrictEqual(minimalEdit('title: DCF data\n', 'title: SDE data\n'), { start: 7, end: 10, newText: 'SDE' });
    assert.strictEqual(minimalEdit('same', 'same'), undefined);
  });

  it('never splits a CRLF line break or a surrogate pair', () => {
    assert.deepStrictEqual(minimalEdit('a\r\nb', 'a\r\r\nb'), { start: 1, end: 3, newText: '\r\r\n' });
    assert.deepStrictEqual(minimalEdit('a\r\nb', 'a\nb'), { start: 1, end: 3, newText: '\n' });
    assert.deepStrictEqual(minimalEdit('x\uD83D\uDE00', 'x\uD83D\uDE01'), { start: 1, end: 3, newText: '\uD83D\uDE01' });
  });
});
