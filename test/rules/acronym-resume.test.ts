import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { noMemo } from '../../server/src/engine/cache';
import { changeBetween, DocumentLinter } from '../../server/src/engine/document';
import { finish, lintText, LintResult } from '../../server/src/engine/lint';
import { lastColumnAt, ParsedFile } from '../../server/src/model/dataset';
import { acronym } from '../../server/src/rules/acronym';
import { FindingInput, RuleContext } from '../../server/src/rules/rule';

const PATH = 'resume.dictionary.yaml';
const DCF = 'Department of Children and Families';

/** A dictionary whose columns have these descriptions, and one more column after them. */
const dictionary = (descriptions: string[]) =>
  'title: Placements\ndescription: Counts of placements.\ncolumns:\n' + [...descriptions, 'The end.'].map((d, i) => `  - name: c${i}\n    description: ${d}\n`).join('');

const parse = (text: string): ParsedFile => lintText(text, { path: PATH }).file!;

function contextFor(file: ParsedFile, reports: FindingInput[]): RuleContext {
  return { file, config: DEFAULT_CONFIG, options: {}, memo: noMemo, report: (f) => reports.push(f), full: () => false };
}

/**
 * The rule resumed after the edit from `before` to `after` (inside one column), beside the rule
 * run on the whole of `after`: what each carries on, and what each reports in the edited column.
 */
function resume(before: string[], after: string[]) {
  const [oldText, newText] = [dictionary(before), dictionary(after)];
  const [oldFile, newFile] = [parse(oldText), parse(newText)];
  const earlier = finish(acronym.resumable.check(contextFor(oldFile, [])));
  const change = changeBetween(oldText, newText)!;
  const old = oldFile.datasets[0].columns!;
  const i = lastColumnAt(old, change.start);
  const edit = { start: old[i].span.start, end: old[i + 1].span.start, delta: change.newEnd - change.oldEnd };
  const dataset = newFile.datasets[0];
  const reported: FindingInput[] = [];
  const carried = acronym.resumable.resume(contextFor({ ...newFile, datasets: [{ ...dataset, fields: {}, columns: [dataset.columns![i]] }] }, reported), earlier, edit);
  const all: FindingInput[] = [];
  const fresh = finish(acronym.resumable.check(contextFor(newFile, all)));
  const region = { start: edit.start, end: edit.end + edit.delta };
  const column = all.filter((f) => f.span.start >= region.start && f.span.start < region.end);
  return { carried, fresh, reported, column, text: newText };
}

/** Resumes, and checks it gives what a run on the whole file gives. */
function resumesExactly(before: string[], after: string[]): FindingInput[] {
  const { carried, fresh, reported, column } = resume(before, after);
  assert.ok(carried, 'the rule resumes');
  assert.deepStrictEqual(carried, fresh);
  assert.deepStrictEqual(reported, column);
  return reported;
}

describe('rule: acronym, resumed after an edit inside one column', () => {
  it('reads the edited column alone when the edit leaves what it carries on as it was', () => {
    const before = [`${DCF} (DCF) cases.`, 'Visits by QRS staff.', 'DCF and QRS totals.'];
    const reported = resumesExactly(before, [before[0], 'Visits by QRS staffs.', before[2]]);
    assert.deepStrictEqual(
      reported.map((f) => f.data.acronym),
      ['QRS'],
    );
  });

  it('uses what the columns before the edited one defined and reported', () => {
    const before = ['Children placed by DCF.', 'More DCF cases.', 'DCF totals.'];
    const [f] = resumesExactly(before, [before[0], 'Many more DCF cases.', before[2]]);
    assert.strictEqual(f.data.acronym, 'DCF');
    // The first use is in the column before: defining this one is not the safe fix.
    assert.deepStrictEqual(f.fixes!.map((x) => [x.title, x.safe]), [
      [`Define on first use: "${DCF} (DCF)"`, false],
      [`Expand to "${DCF}"`, false],
    ]);
    const defined = [`${DCF} (DCF) cases.`, 'More DCF cases.', 'DCF totals.'];
    assert.deepStrictEqual(resumesExactly(defined, [defined[0], 'Many more DCF cases.', defined[2]]), []);
  });

  it('gives up when the edit adds a definition the columns after it use, or removes one', () => {
    const uses = ['Children placed by QRS.', 'Visits.', 'DCF totals.'];
    assert.strictEqual(resume(uses, [uses[0], `Visits by the ${DCF} (DCF).`, uses[2]]).carried, undefined);
    const defines = ['Children placed.', `Visits by the ${DCF} (DCF).`, 'DCF totals.'];
    assert.strictEqual(resume(defines, [defines[0], 'Visits by the DCF.', defines[2]]).carried, undefined);
  });

  it('resumes when the acronym was defined earlier already, whether the edit adds or removes another definition', () => {
    const once = [`${DCF} (DCF) cases.`, 'Visits.', 'DCF totals.'];
    resumesExactly(once, [once[0], `Visits by the ${DCF} (DCF).`, once[2]]);
    const twice = [`${DCF} (DCF) cases.`, `Visits by the ${DCF} (DCF).`, 'DCF totals.'];
    resumesExactly(twice, [twice[0], 'Visits.', twice[2]]);
  });

  it('gives up when the edit moves which use comes first, so the safe fix moves', () => {
    const later = ['Children placed.', 'Visits.', 'DCF totals.'];
    const { carried } = resume(later, [later[0], 'Visits by DCF.', later[2]]);
    assert.strictEqual(carried, undefined);
    const first = ['Children placed.', 'Visits by DCF.', 'DCF totals.'];
    assert.strictEqual(resume(first, [first[0], 'Visits.', first[2]]).carried, undefined);
  });

  it('resumes when the edit brings an acronym used nowhere else, letter by letter', () => {
    const before = ['Children placed by DCF.', 'Visits.', 'DCF totals.'];
    for (const typed of ['Visits Q', 'Visits QR', 'Visits QRX', 'Visits QRXs']) {
      const reported = resumesExactly(before, [before[0], typed, before[2]]);
      assert.deepStrictEqual(reported.map((f) => f.data.acronym), typed === 'Visits Q' ? [] : [typed.slice(7, 10)]);
    }
  });
});

describe('DocumentLinter: acronym findings after definitions are added and removed', () => {
  /** Everything a lint says, without the model objects it came from. */
  const said = (result: LintResult) => ({ findings: result.findings.map((f) => ({ ...f })), columns: result.columns });

  it('gives exactly a fresh lint\'s findings as definitions come and go before, inside and after the uses', () => {
    const columns = ['Children placed by DCF.', 'Visits by DMHAS staff.', 'DCF cases and DMHAS clients.', 'More DCF data.', 'DCFs and QRS.', 'Last DCF note.'];
    const edits: Array<[number, string]> = [
      [1, `Visits by the ${DCF} (DCF) and DMHAS staff.`],
      [1, 'Visits by DMHAS staff.'],
      [0, `Children placed by the ${DCF} (DCF).`],
      [3, `More ${DCF} (DCF) data.`],
      [0, 'Children placed by DCF.'],
      [2, 'DMHAS (Department of Mental Health and Addiction Services) clients and DCF cases.'],
      [1, 'Visits by staff.'],
      [0, 'Children placed.'],
      [4, 'DCF and QRS.'],
      [3, 'More data.'],
      [2, 'DCF cases and DMHAS clients.'],
      [5, 'Last DCF notes by QRS.'],
      [0, 'Children placed by QRS.'],
    ];
    const linter = new DocumentLinter({ path: PATH });
    let text = dictionary(columns);
    assert.deepStrictEqual(said(linter.lint(text)), said(lintText(text, { path: PATH })));
    for (const [step, [column, description]] of edits.entries()) {
      columns[column] = description;
      text = dictionary(columns);
      const result = linter.lint(text);
      assert.strictEqual(linter.lastReused, true, `edit ${step} is read incrementally`);
      assert.deepStrictEqual(said(result), said(lintText(text, { path: PATH })), `edit ${step}: column ${column} now "${description}"`);
    }
  });
});
