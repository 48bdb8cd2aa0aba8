import personCentered from '../data/person-centered.json';
import plainLanguage from '../data/plain-language.json';
import { ParsedFile } from '../model/dataset';
import { ProseText } from '../model/prose';
import { proseFields } from './prose-fields';
import { RuleContext } from './rule';
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

/** What a pass over one text found, for the lists not yet asked about (undefined once handed out). */
interface Unclaimed {
  allow: readonly string[];
  matches: Array<readonly TermMatch[] | undefined>;
}

/**
 * Per file, per prose text, what the passes found that no rule has asked for yet. Held by the
 * file, so a file that is let go takes them with it; each is handed out once and then dropped.
 */
const unclaimedByFile = new WeakMap<ParsedFile, Map<ProseText, Unclaimed>>();

/** Calls `each` with every match of one list in the file's prose fields, in file order. */
export function eachTermMatch({ file, config, memo }: RuleContext, list: number, each: (prose: ProseText, match: TermMatch) => void): void {
  const termMatches = termMatchesIn(file);
  const fields = proseFields(file);
  // Indexed loops: a catalog has thousands of short fields.
  for (let f = 0; f < fields.length; f++) {
    const prose = fields[f].prose;
    const matches = memo(prose.text, () => termMatches(prose, list, config.terms.allow));
    for (let m = 0; m < matches.length; m++) each(prose, matches[m]);
  }
}

/** The word-list matches in one file's prose, for the rules to ask for field by field. */
function termMatchesIn(file: ParsedFile): (prose: ProseText, list: number, allow: readonly string[]) => readonly TermMatch[] {
  let unclaimed = unclaimedByFile.get(file);
  if (!unclaimed) unclaimedByFile.set(file, (unclaimed = new Map()));
  const pending = unclaimed;
  return (prose, list, allow) => {
    const found = pending.get(prose);
    const kept = found && found.allow === allow ? found.matches[list] : undefined;
    if (kept) {
      found!.matches[list] = undefined;
      if (found!.matches.every((m) => m === undefined)) pending.delete(prose);
      return kept;
    }
    const matches: Array<readonly TermMatch[] | undefined> = matcher.findAll(prose.text, allow);
    const asked = matches[list]!;
    matches[list] = undefined;
    pending.set(prose, { allow, matches });
    return asked;
  };
}
