/**
 * BibTeX values that stay inert whatever their text: every brace and backslash
 * becomes a command with balanced braces, so BibTeX's brace counting can never
 * end the field early or swallow the rest of the entry, and LaTeX's special
 * characters are escaped.
 */
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '#': '\\#',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes a text for use inside a braced BibTeX field. */
export const bibText = (text: string): string => text.replace(/[\\{}#%&$_~^]/g, (c) => SPECIAL[c]!).replace(/[\r\n]+/g, ' ');

/** A braced BibTeX field value; the text is escaped. */
export const bibField = (text: string): string => `{${bibText(text)}}`;

/** A URL for a BibTeX `url` field (read verbatim by biblatex): braces, backslashes, spaces and anything unusual are percent-encoded. */
export const bibUrl = (url: string): string => `{${url.replace(/[^A-Za-z0-9:/?#=&.~_+@!,;*'()%\-[\]]/g, (c) => encodeURIComponent(c))}}`;

/** A citation key: letters, digits and `-_:.` only. */
export const bibKey = (text: string): string => text.replace(/[^A-Za-z0-9_:.-]/g, '-');
