/** A figure as a reader should see it: as the source prints it, never with more precision than it gave. */
import type { Figure } from '../../schemas/index.js';
import { words } from './html.js';

const QUALIFIER_WORDS: Record<Figure['qualifier'], string> = {
  exact: '',
  rounded: '',
  about: 'about',
  'at-least': 'at least',
  'more-than': 'more than',
  'up-to': 'up to',
  nearly: 'nearly',
};

/** "€12.7bn" when the source printed that; otherwise the qualifier's words, the number and the unit. */
export function figureAsPrinted(f: Figure): string {
  if (f.as_printed) return f.as_printed;
  const qualifier = QUALIFIER_WORDS[f.qualifier];
  return [qualifier, f.value.toLocaleString('en'), f.unit].filter(Boolean).join(' ');
}

/** What the qualifier says of the number, for a note beside the printed value. */
export function qualifierNote(f: Figure): string {
  return f.qualifier === 'rounded' ? 'a round figure as printed' : f.qualifier === 'exact' ? 'an exact count as stated' : `${QUALIFIER_WORDS[f.qualifier]} (as stated)`;
}

/** The date a figure refers to or was stated on, as the data gives it. */
export function figureDate(f: Figure): string {
  const parts: string[] = [];
  if (f.period) parts.push(`${f.period.start ?? '…'}–${f.period.end ?? '…'}`);
  if (f.as_of) parts.push(`as of ${f.as_of}`);
  if (parts.length && f.time_basis === 'inferred') parts[parts.length - 1] += ' (inferred, not stated by the source)';
  if (f.stated_on) parts.push(`stated ${f.stated_on}`);
  return parts.join('; ');
}

/** `stations-worldwide` → `Stations worldwide`. */
export const measureLabel = (measure: string): string => words(measure).replace(/^./, (c) => c.toUpperCase());
