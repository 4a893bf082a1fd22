/**
 * The consumer checks of the workbook and the database (helper "formats"):
 * openpyxl and LibreOffice open overseas-police-stations.xlsx, Debian's sqlite3
 * checks overseas-police-stations.sqlite. Called from run.ts.
 */
import { join } from 'node:path';

/** Debian packages these checks need (LibreOffice is installed for the CSV checks already). */
export const FORMATS_PACKAGES = ['python3-openpyxl', 'sqlite3'];

export function checkFormats(dist: string, work: string, python: (script: string, ...args: string[]) => void): void {
  python('sqlite.py', dist);
  python('workbook.py', dist, join(work, 'workbook'));
}

/** The release built from formula-like text: in the workbook those cells must stay text (openpyxl data type "s"), never formulas. */
export function checkFormulaWorkbook(formulaDist: string, work: string, python: (script: string, ...args: string[]) => void): void {
  python('workbook.py', formulaDist, join(work, 'workbook-formulas'));
}
