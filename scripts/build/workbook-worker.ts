/** The worker behind `startDownloads` that builds the Excel workbook from the tables it is sent. */
import type { Dataset } from './dataset.js';
import { buildWorkbookPart } from './downloads.js';
import { serve } from './worker-loop.js';

// Load exceljs while the main thread validates.
void import('./workbook.js');
serve('workbook', (tables, release) => buildWorkbookPart(tables, {} as Dataset, release));
