/**
 * Character classes as the rules' regular expressions read them, for scanners that walk prose by
 * char code: a `/u` expression with `\p{…}` classes costs far more per character than a table
 * look-up, and prose is almost all ASCII. Each function answers exactly what its expression would.
 */

const LETTER = 1;
const NUMBER = 2;
const KNOWN = 4;
/** Classes of the BMP characters met so far, filled on first sight from the `\p` expressions. */
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(char: string): number {
  return KNOWN | (/^\p{L}$/u.test(char) ? LETTER : 0) | (/^\p{N}$/u.test(char) ? NUMBER : 0);
}

function classOf(code: number): number {
  let c = bmpClasses[code];
  if (c === 0) bmpClasses[code] = c = classify(String.fromCharCode(code));
  return c;
}

/**
 * The class bits and length of the code point at `i` (a surrogate pair is one code point, a lone
 * surrogate none of the classes, as `/u` reads them), packed as `length << 8 | classes`.
 */
function codePointAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      let c = astralClasses.get(point);
      if (c === undefined) astralClasses.set(point, (c = classify(String.fromCodePoint(point))));
      return (2 << 8) | c;
    }
  }
  return (1 << 8) | classOf(code);
}

/** Code units taken by the letter or number (`[\p{L}\p{N}]` with `/u`) at `i`; 0 when there is none or `i` is past the end. */
export function letterOrNumberAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  const c = codePointAt(text, i);
  return c & (LETTER | NUMBER) ? c >> 8 : 0;
}

/** Code units taken by the letter (`\p{L}` with `/u`) at `i`; 0 when there is none or `i` is past the end. */
export function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0;
  const c = codePointAt(text, i);
  return c & LETTER ? c >> 8 : 0;
}

/** `[A-Za-z0-9_]`: `\w` without the `u` flag, and what `\b` looks at. */
export function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** isAsciiWordChar of each ASCII code, 1 or 0, for scanners' inner loops. */
export const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) => (isAsciiWordChar(c) ? 1 : 0));

/** `[A-Za-z0-9]` */
export function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** `\s`: JavaScript's white space and line terminators (the same with or without `u`). */
export function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Whether `text` holds anything but white space, as `text.trim() !== ''` says without making the
 * trimmed string: a catalog asks it of every dataset's required and vocabulary fields.
 */
export function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) return true;
  return false;
}

/** Whether `text[from, to)` is one or more white-space characters (`/^\s+$/`). */
export function isBlank(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}
