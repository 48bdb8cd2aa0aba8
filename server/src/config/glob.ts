/**
 * File globs from `.plainmeta.yaml`, matched without regular expressions. The config comes from
 * the workspace, which may not be trusted; a glob compiled to a regular expression (as picomatch
 * does) can backtrack exponentially: "*a*a*a…b" took minutes on a 40-character name. This matcher
 * takes time proportional to glob length times path length, whatever the glob.
 *
 * Supported: `*` (any characters but "/"), `**` as a whole segment (any number of folders), `?`,
 * `[abc]`, `[a-z]`, `[!abc]`, `{a,b}` and `\` to escape. Dot files match like any other name.
 */

type Token = { kind: 'star' } | { kind: 'one' } | { kind: 'char'; char: string } | { kind: 'class'; negated: boolean; items: Array<[string, string]> };

/** More alternatives than this from `{…}` is not a real project's glob; the rest are dropped. */
const MAX_ALTERNATIVES = 256;

export function globMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs
    .flatMap((glob) => expandBraces(glob.replace(/^\.\//, '')))
    .slice(0, MAX_ALTERNATIVES)
    .map((glob) => glob.split('/').map((segment) => (segment === '**' ? ('**' as const) : tokenize(segment))));
  return (relativePath) => {
    const parts = relativePath.split('/');
    return patterns.some((segments) => matchSegments(segments, parts));
  };
}

/** `{a,b}c` → [`ac`, `bc`], nested and repeated, up to MAX_ALTERNATIVES results. */
function expandBraces(glob: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{' && depth++ === 0) open = i;
    else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth > 0 && --depth === 0) {
      if (commas.length === 0) return expandBraces(glob.slice(0, open) + '\\{' + glob.slice(open + 1, i) + '\\}' + glob.slice(i + 1));
      const cuts = [open, ...commas, i];
      const rest = expandBraces(glob.slice(i + 1));
      const out: string[] = [];
      for (let k = 0; k + 1 < cuts.length && out.length < MAX_ALTERNATIVES; k++) {
        for (const head of expandBraces(glob.slice(0, open) + glob.slice(cuts[k] + 1, cuts[k + 1]))) {
          for (const tail of rest) if (out.length < MAX_ALTERNATIVES) out.push(head + tail);
        }
      }
      return out;
    }
  }
  return [glob];
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) tokens.push({ kind: 'char', char: segment[++i] });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[' && segment.indexOf(']', i + 2) > 0) {
      const close = segment.indexOf(']', i + 2);
      let body = segment.slice(i + 1, close);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      const items: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          items.push([body[k], body[k + 2]]);
          k += 2;
        } else items.push([body[k], body[k]]);
      }
      tokens.push({ kind: 'class', negated, items });
      i = close;
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

function matchesOne(token: Token, c: string): boolean {
  if (token.kind === 'one') return true;
  if (token.kind === 'char') return token.char === c;
  if (token.kind === 'class') return token.items.some(([from, to]) => from <= c && c <= to) !== token.negated;
  return false;
}

/** One path segment against one glob segment: the usual wildcard walk, backing up to the last `*`. */
function matchSegment(tokens: Token[], name: string): boolean {
  let t = 0;
  let i = 0;
  let starToken = -1;
  let starIndex = 0;
  while (i < name.length) {
    if (t < tokens.length && tokens[t].kind === 'star') {
      starToken = t++;
      starIndex = i;
    } else if (t < tokens.length && matchesOne(tokens[t], name[i])) {
      t++;
      i++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      i = ++starIndex;
    } else return false;
  }
  while (t < tokens.length && tokens[t].kind === 'star') t++;
  return t === tokens.length;
}

/** Glob segments against path segments, `**` standing for any number of them. */
function matchSegments(segments: Array<Token[] | '**'>, parts: string[]): boolean {
  // matched[j]: the glob segments so far match the first j path segments.
  let matched = parts.map(() => false).concat(false);
  matched[0] = true;
  for (const segment of segments) {
    const next = matched.map(() => false);
    if (segment === '**') {
      let any = false;
      for (let j = 0; j < matched.length; j++) next[j] = any = any || matched[j];
    } else {
      for (let j = 1; j < matched.length; j++) next[j] = matched[j - 1] && matchSegment(segment, parts[j - 1]);
    }
    matched = next;
  }
  return matched[parts.length];
}
