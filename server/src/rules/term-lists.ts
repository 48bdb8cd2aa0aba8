import personCentered from '../data/person-centered.json';
import plainLanguage from '../data/plain-language.json';
import { ProseText } from '../model/prose';
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

/**
 * Per prose text, the matches a pass found for lists not yet asked about, and the allow list they
 * were found under. Weakly held, so a file that is let go takes them with it; each is handed out
 * once, so they are not kept while the file is.
 */
const unclaimed = new WeakMap<ProseText, { allow: readonly string[]; matches: Array<TermMatch[] | undefined> }>();

/** The matches of one list in a prose text, outside URLs, emails and templating, and not allowed by the project. */
export function termMatches(prose: ProseText, list: number, allow: readonly string[]): TermMatch[] {
  const found = unclaimed.get(prose);
  const kept = found && found.allow === allow ? found.matches[list] : undefined;
  if (kept) {
    found!.matches[list] = undefined;
    if (found!.matches.every((m) => m === undefined)) unclaimed.delete(prose);
    return kept;
  }
  const matches: Array<TermMatch[] | undefined> = matcher.findAll(prose.text, allow);
  const asked = matches[list]!;
  matches[list] = undefined;
  unclaimed.set(prose, { allow, matches });
  return asked;
}
