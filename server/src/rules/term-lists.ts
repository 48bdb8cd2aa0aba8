import personCentered from '../data/person-centered.json';
import plainLanguage from '../data/plain-language.json';
import { ParsedFile } from '../model/dataset';
import { ProseText } from '../model/prose';
import { proseFieldsInSteps } from './prose-fields';
import { CheckSteps, Pauses, PROSE_STEP_CHARS, RuleContext } from './rule';
import { TermMatch, TermMatcher, WordList } from './word-list';

/** The word lists of plain-language and person-centered, by their index in the shared matcher. */
export const PLAIN_LANGUAGE = 0;
export const PERSON_CENTERED = 1;

/**
 * Both lists in one matcher: one pass over a text finds the matches of both, splitting the text
 * into words once. The rules run one after the other over every field, so the pass made for the
 * first rule keeps the other list's matches for that text until the second rule asks for them.
 */
const matcher = new TermMatcher([plainLanguage as WordList, personCentered as WordList]);

const NONE: readonly TermMatch[] = [];

/**
 * Plain-language's matches in a file's prose fields, by field index where there are any, from that
 * rule's walk over the file (it runs before style), for the style rule: write-good flags many of
 * the same words ("utilize", "in order to"), and plain-language reports them with its source and a
 * fix. The style rule takes each field's matches once, so none outlive its walk.
 */
const plainLanguageByFile = new WeakMap<ParsedFile, { allow: readonly string[]; byField: Map<number, readonly TermMatch[]> }>();

/** Where plain-language's list matches field `f` of the file: as that rule found it, or from a pass made now. */
export function plainLanguageMatches({ file, config }: RuleContext, f: number, prose: ProseText): readonly TermMatch[] {
  const walked = plainLanguageByFile.get(file);
  if (walked && walked.allow === config.terms.allow) {
    const matches = walked.byField.get(f);
    walked.byField.delete(f);
    return matches ?? NONE;
  }
  return matcher.findAll(prose.text, config.terms.allow, prose)[PLAIN_LANGUAGE];
}

/**
 * What the passes over one file's prose found that no rule has asked for yet, by the field's
 * index in `proseFields(file)`, which both rules walk in the same order. Most fields match
 * neither list, so only the fields with matches keep an entry; for the others a bit says that
 * their pass was made and found nothing (a catalog has tens of thousands of fields).
 */
interface Unclaimed {
  allow: readonly string[];
  /** By field, a bit per list whose matches a pass found and no rule has asked for yet. */
  pending: Uint8Array;
  /** By field, those matches, where there are any. */
  kept: Map<number, Array<readonly TermMatch[] | undefined>>;
}

/** Held by the file, so a file that is let go takes what was not asked for with it. */
const unclaimedByFile = new WeakMap<ParsedFile, Unclaimed>();

/** Calls `each` with every match of one list in the file's prose fields, in file order, in steps (see CheckSteps). */
export function* eachTermMatch({ file, config, memo }: RuleContext, list: number, each: (prose: ProseText, match: TermMatch) => void): CheckSteps {
  const fields = yield* proseFieldsInSteps(file);
  const allow = config.terms.allow;
  let unclaimed = unclaimedByFile.get(file);
  if (!unclaimed || unclaimed.allow !== allow || unclaimed.pending.length !== fields.length) {
    unclaimedByFile.set(file, (unclaimed = { allow, pending: new Uint8Array(fields.length), kept: new Map() }));
  }
  const found = unclaimed;
  const byField = list === PLAIN_LANGUAGE ? new Map<number, readonly TermMatch[]>() : undefined;
  const pauses = new Pauses(fields.length, PROSE_STEP_CHARS);
  // Indexed loops: a catalog has thousands of short fields.
  for (let f = 0; f < fields.length; f++) {
    const prose = fields[f].prose;
    const matches = memo(prose.text, () => termMatches(found, f, prose, list));
    if (byField && matches.length > 0) byField.set(f, matches);
    for (let m = 0; m < matches.length; m++) each(prose, matches[m]);
    const share = pauses.after(f, prose.text.length);
    if (share !== undefined) yield share;
  }
  if (byField) plainLanguageByFile.set(file, { allow, byField });
}

/** One list's matches in field `f`: kept from the other rule's pass, or from a pass made now. */
function termMatches(unclaimed: Unclaimed, f: number, prose: ProseText, list: number): readonly TermMatch[] {
  const bit = 1 << list;
  if (unclaimed.pending[f] & bit) {
    unclaimed.pending[f] &= ~bit;
    const kept = unclaimed.kept.get(f);
    const matches = kept?.[list];
    if (!matches) return NONE;
    kept![list] = undefined;
    if (unclaimed.pending[f] === 0) unclaimed.kept.delete(f);
    return matches;
  }
  const matches: Array<readonly TermMatch[] | undefined> = matcher.findAll(prose.text, unclaimed.allow, prose);
  const asked = matches[list]!;
  matches[list] = undefined;
  let others = 0;
  let any = false;
  for (let l = 0; l < matches.length; l++) {
    if (l === list) continue;
    others |= 1 << l;
    if (matches[l]!.length > 0) any = true;
    else matches[l] = undefined;
  }
  unclaimed.pending[f] = others;
  if (any) unclaimed.kept.set(f, matches);
  return asked;
}
