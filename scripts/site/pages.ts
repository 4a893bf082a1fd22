/** Every page of the site, built from the release's records, and the map pictures. */
import type { Dataset } from '../build/dataset.js';
import { aboutPage } from './about-page.js';
import type { DatasetCitation } from './cite.js';
import { downloadsPage, type Download } from './downloads-page.js';
import type { Page } from './html.js';
import { agreementsPage, figuresPage, homePage, sourcesPage, statementsPage } from './list-pages.js';
import { agreementPage, stationPage, statementPage } from './record-pages.js';
import { context } from './render.js';

export interface SiteInput {
  data: Dataset;
  citation: DatasetCitation;
  downloads: readonly Download[];
  datapackage: { resources?: Array<{ path?: string; description?: string }> };
  methodology: string;
  coverage?: string;
  /** Where relative links in docs/ point: the repository's docs folder. */
  docsUrl?: string;
}

export function buildPages(input: SiteInput): { pages: Page[]; assets: Map<string, string> } {
  const ctx = context(input.data, input.citation);
  const home = homePage(ctx);
  const pages = [
    home.page,
    agreementsPage(ctx),
    statementsPage(ctx),
    figuresPage(ctx),
    sourcesPage(ctx),
    aboutPage(input.methodology, input.coverage, input.docsUrl),
    downloadsPage(input.downloads, input.datapackage, input.citation),
    ...input.data.stations.map((s) => stationPage(ctx, s)),
    ...input.data.agreements.map((a) => agreementPage(ctx, a)),
    ...input.data.statements.map((s) => statementPage(ctx, s)),
  ];
  return { pages, assets: new Map(home.maps.map((m) => [`assets/${m.file}`, m.svg])) };
}
