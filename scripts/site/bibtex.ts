/**
 * BibTeX values for the "Cite this" boxes, with the release's own escaping
 * (scripts/build/citation-formats.ts): every brace and backslash becomes a
 * command with balanced braces, so BibTeX's brace counting can never end a
 * field early or swallow the rest of the entry, and LaTeX's special characters
 * are escaped; URLs are percent-encoded where they could unbalance a field.
 */
import { bibEscape, bibUrl as bibUrlText } from '../build/citation-formats.js';

/** Escapes a text for use inside a braced BibTeX field. */
export const bibText = (text: string): string => bibEscape(text);

/** A braced BibTeX field value; the text is escaped. */
export const bibField = (text: string): string => `{${bibEscape(text)}}`;

/** A braced value for a BibTeX `url` field (read verbatim by biblatex). */
export const bibUrl = (url: string): string => `{${bibUrlText(url)}}`;

/** A citation key: letters, digits and `-_:.` only. */
export const bibKey = (text: string): string => text.replace(/[^A-Za-z0-9_:.-]/g, '-');
