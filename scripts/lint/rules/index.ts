/**
 * Every lint rule, in the order they run. Adding a rule: a folder beside the
 * others with rule.ts, pass.json and fail.json, and one line here
 * (tests/lint-rules.test.ts fails if a folder is missing from this list).
 */
import type { Rule } from './rule.js';
import duplicateId from './duplicate-id/rule.js';
import reference from './reference/rule.js';
import unused from './unused/rule.js';
import sourceRelation from './source-relation/rule.js';
import onePreferred from './one-preferred/rule.js';
import listDateOrder from './list-date-order/rule.js';
import closingBeforeOpening from './closing-before-opening/rule.js';
import periodOrder from './period-order/rule.js';
import translation from './translation/rule.js';
import preferredFigure from './preferred-figure/rule.js';
import sourceHeading from './source-heading/rule.js';
import unreadSourceVia from './unread-source-via/rule.js';
import figureAsPrinted from './figure-as-printed/rule.js';
import figureTimeBasis from './figure-time-basis/rule.js';
import textTranslation from './text-translation/rule.js';
import citationExcerpt from './citation-excerpt/rule.js';
import verification from './verification/rule.js';

export const rules: readonly Rule[] = [
  duplicateId,
  reference,
  unused,
  sourceRelation,
  onePreferred,
  listDateOrder,
  closingBeforeOpening,
  periodOrder,
  translation,
  preferredFigure,
  sourceHeading,
  unreadSourceVia,
  figureAsPrinted,
  figureTimeBasis,
  textTranslation,
  citationExcerpt,
  verification,
];
