// Characters a person's name may not carry into the page (decisions 033 and 036): control
// characters, and the invisible and bidirectional format characters that make a name read as
// something else ("Ada\u202Eexe.txt" shows reversed, a zero-width space hides in a look-alike).
// The bidi controls are those of docs/security.md: U+061C, U+200E, U+200F, U+202A–U+202E and
// U+2066–U+2069; the ranges around them add zero-width spaces and joiners, the line and paragraph
// separators, the invisible operators and the byte-order mark.

/** The hidden characters, as a character class for a regular expression with the `u` flag. */
export const HIDDEN_CHARACTER_CLASS = '\\p{Cc}\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff';

/** Every hidden character of a name (global: for `replace`). */
export const HIDDEN_CHARACTERS = new RegExp(`[${HIDDEN_CHARACTER_CLASS}]`, 'gu');
