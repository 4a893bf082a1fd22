/**
 * How each station status is drawn: a colour from the Okabe–Ito palette (safe for
 * the common forms of colour blindness), a shape per family of statuses and a
 * letter per status, so that no status is told by colour alone.
 */
import type { Station } from '../../schemas/index.js';

export type Shape = 'circle' | 'diamond' | 'square' | 'octagon' | 'hexagon' | 'pentagon';

export interface StatusStyle {
  /** One letter, shown inside the marker and in the legend. */
  letter: string;
  shape: Shape;
  /** Fill colour, and a text colour with at least 4.5:1 contrast on it. */
  fill: string;
  ink: string;
}

const GREY = { fill: '#595959', ink: '#ffffff' };
const ORANGE = { fill: '#E69F00', ink: '#000000' };
const SKY = { fill: '#56B4E9', ink: '#000000' };
const GREEN = { fill: '#009E73', ink: '#000000' };
const BLUE = { fill: '#0072B2', ink: '#ffffff' };
const VERMILLION = { fill: '#D55E00', ink: '#000000' };
const PURPLE = { fill: '#CC79A7', ink: '#000000' };

/** Every station status (the type makes a new status without a style a compile error). */
export const STATUS_STYLES: Readonly<Record<Station['status']['value'], StatusStyle>> = {
  reported: { letter: 'R', shape: 'circle', ...GREY },
  'under-investigation': { letter: 'I', shape: 'diamond', ...ORANGE },
  'checks-ongoing': { letter: 'K', shape: 'diamond', ...ORANGE },
  'no-evidence-found': { letter: 'N', shape: 'square', ...SKY },
  'investigation-closed': { letter: 'E', shape: 'square', ...GREEN },
  'confirmed-by-authorities': { letter: 'A', shape: 'hexagon', ...BLUE },
  'activities-ceased': { letter: 'S', shape: 'octagon', ...VERMILLION },
  'closure-ordered': { letter: 'O', shape: 'octagon', ...VERMILLION },
  closed: { letter: 'X', shape: 'octagon', ...VERMILLION },
  'referred-to-prosecutors': { letter: 'P', shape: 'pentagon', ...PURPLE },
  charged: { letter: 'C', shape: 'pentagon', ...PURPLE },
  convicted: { letter: 'V', shape: 'pentagon', ...PURPLE },
  acquitted: { letter: 'Q', shape: 'pentagon', ...PURPLE },
};

const UNKNOWN: StatusStyle = { letter: '?', shape: 'circle', fill: '#ffffff', ink: '#000000' };
export const statusStyle = (status: string): StatusStyle => (STATUS_STYLES as Record<string, StatusStyle>)[status] ?? UNKNOWN;

export const CLIP: Record<Shape, string> = {
  circle: 'circle(50% at 50% 50%)',
  diamond: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)',
  square: 'inset(6% round 12%)',
  octagon: 'polygon(30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%)',
  hexagon: 'polygon(25% 3%, 75% 3%, 100% 50%, 75% 97%, 25% 97%, 0 50%)',
  pentagon: 'polygon(50% 0, 100% 38%, 82% 100%, 18% 100%, 0 38%)',
};

/** CSS classes for the glyphs: `.glyph.s-<status>`. */
export function statusCss(): string {
  const rules = Object.entries(STATUS_STYLES).map(([status, s]) => `.s-${status} { --fill: ${s.fill}; --glyph-ink: ${s.ink}; --clip: ${CLIP[s.shape]}; }`);
  return rules.join('\n');
}

/** The marker glyph: shape, colour and letter (decorative; the link carries the name). */
export const glyph = (status: string): string => `<span class="glyph s-${status}" aria-hidden="true">${statusStyle(status).letter}</span>`;
