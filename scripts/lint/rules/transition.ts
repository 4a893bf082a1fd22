/**
 * Rules introduced with the verification pass (issue 12) that the data did not
 * yet meet when they were written report as warnings until every record has
 * been re-checked; then this becomes 'error'.
 */
import type { Level } from '../problems.js';

export const UNTIL_VERIFIED: Level = 'warning';
