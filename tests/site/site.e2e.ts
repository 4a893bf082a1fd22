/**
 * The static site in Debian's Chromium, driven by playwright-core: the map,
 * the filters, a station page, the downloads, and no request leaving the site.
 * Installs Chromium with apt-get when it is missing and we are root; skips with
 * a message otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version']).status !== 0) return 'Chromium is not installed and apt-get cannot install it here (needs root on Debian)';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { env });
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, encoding: 'utf8' });
  return install.status === 0 ? undefined : `apt-get install chromium failed: ${install.stderr.slice(-300)}`;
}
const skipReason = ensureChromium();
if (skipReason) console.log(`SKIP: ${skipReason}`);

const stations = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/stations.json'), 'utf8')) as Array<{ id: string; country: string; coordinates?: unknown }>;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.geojson': 'application/geo+json', '.bib': 'text/plain', '.zip': 'application/zip', '.ts': 'text/plain' };

let server: Server;
let browser: Browser;
let origin: string;
const requests: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/${path}`);
  return page;
}

describe.skipIf(!!skipReason)('the static site in Chromium', () => {
  beforeAll(async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'ops-site-')), 'dist');
    const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/build/main.js'), '--out', dist, '--quiet'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const site = spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/site/main.js'), '--dist', dist], { encoding: 'utf8' });
    expect(site.status, site.stderr).toBe(0);
    const root = join(dist, 'site');
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(root) || !existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('draws one marker per located station, and the Italian ones in the inset', async () => {
    const page = await open('index.html');
    expect(await page.locator('svg.world .marker').count()).toBe(stations.filter((s) => s.coordinates).length);
    expect(await page.locator('svg.italy .marker').count()).toBe(stations.filter((s) => s.coordinates && s.country === 'IT').length);
    await page.screenshot({ path: join(PROJECT_ROOT, 'dist/site-screenshot.png'), fullPage: false });
    await page.close();
  });

  it('names a station when its marker is focused or hovered, and opens its page on click', async () => {
    const page = await open('index.html');
    const marker = page.locator('svg.italy .marker[data-station="it-prato-fuzhou"]');
    await marker.focus();
    await expect.poll(() => page.locator('.focus-name').textContent()).toContain('Fuzhou Police Overseas Service Station, Prato');
    await page.locator('svg.world .marker[data-station="ie-dublin-fuzhou"]').hover();
    await expect.poll(() => page.locator('.focus-name').textContent()).toContain('Capel Street');
    await marker.click();
    await page.waitForURL(/stations\/it-prato-fuzhou\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Fuzhou Police Overseas Service Station, Prato');
    await page.close();
  });

  it('reaches the markers with the keyboard', async () => {
    const page = await open('index.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('.marker'));
    }
    expect(reached).toBe(true);
    await page.close();
  });

  it('filters the stations table by country IT to the Italian stations, and sorts it', async () => {
    const page = await open('index.html');
    await page.selectOption('form[data-table="stations-table"] select[data-filter="country"]', 'IT');
    const italian = stations.filter((s) => s.country === 'IT').length;
    expect(await page.locator('#stations-table tbody tr:visible').count()).toBe(italian);
    expect(await page.locator('[data-count-for="stations-table"]').textContent()).toBe(`Showing ${italian} of ${stations.length} stations`);
    await page.click('#stations-table th:nth-child(2) button');
    expect(await page.getAttribute('#stations-table th:nth-child(2)', 'aria-sort')).toBe('ascending');
    const cities = await page.locator('#stations-table tbody tr:visible td:nth-child(2)').allTextContents();
    expect(cities).toEqual([...cities].sort((a, b) => a.localeCompare(b)));
    await page.close();
  });

  it('lists a station’s sources as a reference list with links', async () => {
    const page = await open('stations/it-prato-fuzhou.html');
    const references = page.locator('ol.references li');
    expect(await references.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('ol.references a[href^="https://www.ilfoglio.it/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.statement').count()).toBeGreaterThan(3);
    await page.close();
  });

  it('shows the conflicting signing accounts of the 2015 memorandum side by side', async () => {
    const page = await open('agreements/it-cn-joint-patrol-memorandum-2015.html');
    const dates = await page.locator('table.signing tbody tr td:first-child').allTextContents();
    expect(dates).toEqual(['2015-09-24', '2015-09-24', '2015-04-27', '2016']);
    await page.close();
  });

  it('has download links that all resolve to files, with a zip of everything', async () => {
    const page = await open('downloads.html');
    const links = await page.locator('a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(60);
    expect(links.some((l) => l.endsWith('.zip'))).toBe(true);
    for (const link of links) {
      const response = await page.request.get(link);
      expect(response.status(), link).toBe(200);
      expect((await response.body()).length, link).toBeGreaterThan(0);
    }
    expect(await page.locator('#cite-bibtex').textContent()).toContain('@misc{');
    await page.close();
  });

  it('is readable on a phone: nothing overflows a 375 px viewport', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${origin}/index.html`);
    expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('made no request outside its own origin', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  });
});
