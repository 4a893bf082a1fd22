/**
 * The level of the rules introduced with the verification pass (issue 12).
 * They reported as warnings while the records were being re-checked; now that
 * every figure meets them, they are errors.
 */
import type { Level } from '../problems.js';

export const UNTIL_VERIFIED: Level = 'error';
