/**
 * The static site in Debian's Chromium, driven by playwright-core, at a phone
 * (390×844) and a desktop (1280×800) viewport: no sideways scrolling, axe-core
 * finds no serious or critical problem, the map is readable and usable by
 * touch and keyboard, every record page cites itself, the lists read well, the
 * home page stays light, and no request leaves the site. Screenshots of every
 * page type at both widths go to dist/site-screenshots/.
 *
 * Installs Chromium (and a CJK font, so that the screenshots show Chinese) with
 * apt-get when missing and we are root; skips with a message otherwise.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationStatus, vocabularyOf, Qualifier } from '../../schemas/vocabulary.js';
import { snapshotFiles } from '../../scripts/site/files.js';
import { PROJECT_ROOT } from '../helpers/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
function ensureChromium(): string | undefined {
  const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(existsSync(CJK_FONT) ? [] : ['fonts-wqy-microhei'])];
  if (!missing.length) return undefined;
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version']).status !== 0) return existsSync(CHROMIUM) ? undefined : 'Chromium is not installed and apt-get cannot install it here (needs root on Debian)';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { env });
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, encoding: 'utf8' });
  return existsSync(CHROMIUM) ? undefined : `apt-get install chromium failed: ${install.stderr.slice(-300)}`;
}
const skipReason = ensureChromium();
if (skipReason) console.log(`SKIP: ${skipReason}`);

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = join(PROJECT_ROOT, 'dist/site-screenshots');

interface StationRecord { id: string; name: string; city?: string; country: string; coordinates?: unknown; status: { value: string } }
let stations: StationRecord[] = [];
let statements: Array<{ id: string; date: string; language: string }> = [];
let figures: Array<{ id: string; as_printed?: string; qualifier: string }> = [];

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.geojson': 'application/geo+json', '.bib': 'text/plain', '.zip': 'application/zip' };

let server: Server;
let browser: Browser;
let origin: string;
let siteRoot: string;
const contexts = new Map<string, BrowserContext>();
const requests: string[] = [];

/** One page of every kind: the lists, and one record of each collection that has pages. */
function pageTypes(): Record<string, string> & { statement: string } {
  const chinese = statements.find((s) => s.language.startsWith('zh')) ?? statements[0]!;
  return {
    home: 'index.html',
    agreements: 'agreements.html',
    statements: 'statements.html',
    figures: 'figures.html',
    sources: 'sources.html',
    about: 'about.html',
    downloads: 'downloads.html',
    station: 'stations/it-prato-fuzhou.html',
    'station-unlocated': `stations/${stations.find((s) => !s.coordinates)?.id ?? stations[0]!.id}.html`,
    agreement: 'agreements/it-cn-joint-patrol-memorandum-2015.html',
    statement: `statements/${chinese.id}.html`,
  };
}

async function open(path: string, viewport: 'phone' | 'desktop' = 'desktop'): Promise<Page> {
  const page = await contexts.get(viewport)!.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/${path}`);
  return page;
}

async function seriousAxeViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

describe.skipIf(!!skipReason)('the static site in Chromium', () => {
  beforeAll(async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'ops-site-')), 'dist');
    const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/build/main.js'), '--out', dist, '--quiet'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const site = spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/site/main.js'), '--dist', dist], { encoding: 'utf8' });
    expect(site.status, site.stderr).toBe(0);
    expect(site.stderr).toBe('');
    // The same release gives the same site, byte for byte.
    const hashes = () => [...snapshotFiles(join(dist, 'site'))].map(([path, bytes]) => `${path} ${createHash('sha1').update(bytes).digest('hex')}`);
    const first = hashes();
    expect(spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/site/main.js'), '--dist', dist]).status).toBe(0);
    expect(hashes()).toEqual(first);
    stations = JSON.parse(readFileSync(join(dist, 'data/stations.json'), 'utf8'));
    statements = JSON.parse(readFileSync(join(dist, 'data/statements.json'), 'utf8'));
    figures = JSON.parse(readFileSync(join(dist, 'data/figures.json'), 'utf8'));
    siteRoot = join(dist, 'site');
    mkdirSync(SHOTS, { recursive: true });
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(siteRoot, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(siteRoot) || !existsSync(file)) {
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
    for (const w of WIDTHS) contexts.set(w.name, await browser.newContext({ viewport: { width: w.width, height: w.height }, hasTouch: w.name === 'phone', permissions: ['clipboard-read', 'clipboard-write'] }));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const w of WIDTHS) {
    it(`at ${w.width}×${w.height}, every page type fits the width, passes axe-core and is photographed`, async () => {
      const problems: string[] = [];
      for (const [type, path] of Object.entries(pageTypes())) {
        const page = await open(path, w.name);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${type} (${path}) scrolls sideways by ${overflow} px`);
        for (const v of await seriousAxeViolations(page)) problems.push(`${type}: axe ${v}`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: join(SHOTS, `${type}-${w.width}.png`), fullPage: true, clip: { x: 0, y: 0, width: w.width, height: Math.min(height, 4000) } });
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }

  it('has checks that can fail: a too-wide element and an image without text are caught', async () => {
    const page = await open('about.html', 'phone');
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '600px';
      wide.textContent = 'wide';
      const img = document.createElement('img');
      img.src = 'assets/map-italy.svg';
      document.querySelector('main')!.append(wide, img);
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeGreaterThan(0);
    expect((await seriousAxeViolations(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
    await page.close();
  });

  it('keeps wide tables in their own scroll container with the first column in view', async () => {
    const page = await open('statements.html', 'phone');
    const scroller = page.locator('.table-scroll').first();
    const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const firstCell = page.locator('#statements-table tbody tr:first-child > :first-child');
    const before = (await firstCell.boundingBox())!.x;
    await scroller.evaluate((el) => el.scrollBy(300, 0));
    expect(Math.abs((await firstCell.boundingBox())!.x - before)).toBeLessThan(1);
    expect(await firstCell.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    // The filters wrap: every control lies inside the viewport.
    for (const box of await page.locator('form.filters label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(390);
    await page.close();
  });

  for (const w of WIDTHS) it(`gives every map marker a touch target of at least 24 px at ${w.width} px, with no two overlapping`, async () => {
    const page = await open('index.html', w.name);
    for (const canvas of await page.locator('.map-canvas').all()) {
      const boxes = await canvas.locator('.marker:visible').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, label: e.getAttribute('aria-label') }; }));
      expect(boxes.length).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.w, b.label ?? '').toBeGreaterThanOrEqual(24);
        expect(b.h, b.label ?? '').toBeGreaterThanOrEqual(24);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const overlap = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
          expect(overlap / Math.min(a.w * a.h, b.w * b.h), `${a.label} / ${b.label}`).toBeLessThan(0.15);
        }
    }
    await page.close();
  });

  it('places every located station on a map (alone or in a counted group), and lists the others beside it', async () => {
    const page = await open('index.html');
    for (const layer of ['narrow', 'wide']) {
      const onMaps = new Set(await page.locator(`.maps .layer-${layer} [data-station]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-station'))));
      expect([...onMaps].sort(), layer).toEqual(stations.filter((s) => s.coordinates).map((s) => s.id).sort());
    }
    // Europe and Italy are insets: the world map leads to them rather than piling their markers up.
    expect(await page.locator('#map-world a.region[href="#map-europe"]:visible').count()).toBe(1);
    expect(await page.locator('#map-europe a.region[href="#map-italy"]:visible').count()).toBe(1);
    // A group shows its count and opens its list.
    const group = page.locator('#map-italy .layer-wide details.cluster').first();
    const count = Number(await group.locator('summary').textContent());
    expect(count).toBeGreaterThan(1);
    await group.locator('summary').click();
    expect(await group.locator('.cluster-list a').count()).toBe(count);
    const unlocated = stations.filter((s) => !s.coordinates || !s.city);
    expect(await page.locator('.unlocated h2').textContent()).toBe(`Location not reported (${unlocated.length})`);
    expect(await page.locator('.unlocated li').count()).toBe(unlocated.length);
    await page.close();
  });

  it('tells every status by a colour-blind-safe colour and a letter and shape, with counts in the legend', async () => {
    const page = await open('index.html');
    const legend = await page.locator('.legend li').evaluateAll((els) =>
      els.filter((e) => e.querySelector('.glyph')).map((e) => {
        const g = e.querySelector('.glyph')!;
        const style = getComputedStyle(g, '::before');
        return { text: e.textContent!.trim(), letter: g.textContent, fill: style.backgroundColor, clip: style.clipPath, n: Number(e.querySelector('.n')!.textContent) };
      }),
    );
    const counts = new Map<string, number>();
    for (const s of stations) counts.set(s.status.value, (counts.get(s.status.value) ?? 0) + 1);
    expect(legend.length).toBe(counts.size);
    expect(legend.reduce((a, l) => a + l.n, 0)).toBe(stations.length);
    expect(new Set(legend.map((l) => l.letter)).size).toBe(legend.length);
    const okabeIto = ['rgb(89, 89, 89)', 'rgb(230, 159, 0)', 'rgb(86, 180, 233)', 'rgb(0, 114, 178)', 'rgb(213, 94, 0)', 'rgb(204, 121, 167)', 'rgb(0, 158, 115)'];
    for (const l of legend) expect(okabeIto, l.text).toContain(l.fill);
    // Same colour means a different shape or letter; every marker carries its letter.
    const markers = await page.locator('a.marker[data-status] .glyph').allTextContents();
    expect(markers.every((t) => /^[A-Z]$/.test(t))).toBe(true);
    await page.close();
  });

  it('does with the keyboard what the mouse does: markers, groups, sorting, filters, copying', async () => {
    const page = await open('index.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('.marker'));
    }
    expect(reached).toBe(true);
    expect(await page.locator('.focus-name').textContent()).not.toBe('');
    // A group opens with Enter, its links take focus, Escape closes it and returns to it.
    const summary = page.locator('#map-italy .layer-wide details.cluster summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.cluster-list'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    // Sorting by keyboard.
    await page.locator('#stations-table th:nth-child(2) button').focus();
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#stations-table th:nth-child(2)', 'aria-sort')).toBe('ascending');
    // Filtering by keyboard.
    await page.locator('form[data-table="stations-table"] select[data-filter="country"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-count-for="stations-table"]').textContent()).not.toBe(`Showing ${stations.length} of ${stations.length} stations`);
    // The tables' scroll containers take focus, so they scroll by keyboard.
    expect(await page.locator('.table-scroll').first().getAttribute('tabindex')).toBe('0');
    await page.close();
    const station = await open('stations/it-prato-fuzhou.html');
    await station.locator('button[data-copy="cite-bibtex"]').focus();
    await station.keyboard.press('Enter');
    await expect.poll(() => station.locator('[data-copied-for="cite-bibtex"]').textContent()).not.toBe('');
    expect(await station.evaluate(() => navigator.clipboard.readText())).toContain('@misc{');
    await station.close();
  });

  it('names a station when its marker is focused or hovered, and opens its page on click', async () => {
    const page = await open('index.html');
    const marker = page.locator('#map-world a.marker[data-station]:visible').first();
    const id = await marker.getAttribute('data-station');
    await marker.hover();
    await expect.poll(() => page.locator('.focus-name').textContent()).toContain(stations.find((s) => s.id === id)!.name);
    await marker.click();
    await page.waitForURL(new RegExp(`stations/${id}\\.html$`));
    expect(await page.locator('h1').textContent()).toBe(stations.find((s) => s.id === id)!.name);
    await page.close();
  });

  it('filters the stations table by country, with country names next to the codes, and sorts it', async () => {
    const page = await open('index.html');
    expect(await page.locator('select[data-filter="country"] option[value="IT"]').textContent()).toBe('Italy (IT)');
    await page.selectOption('form[data-table="stations-table"] select[data-filter="country"]', 'IT');
    const italian = stations.filter((s) => s.country === 'IT').length;
    expect(await page.locator('#stations-table tbody tr:visible').count()).toBe(italian);
    expect(await page.locator('[data-count-for="stations-table"]').textContent()).toBe(`Showing ${italian} of ${stations.length} stations`);
    expect(await page.locator('#stations-table tbody tr:visible td:nth-child(3)').first().textContent()).toBe('Italy (IT)');
    await page.click('#stations-table th:nth-child(2) button');
    expect(await page.getAttribute('#stations-table th:nth-child(2)', 'aria-sort')).toBe('ascending');
    const cities = await page.locator('#stations-table tbody tr:visible td:nth-child(2)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.sort ?? ''));
    expect(cities).toEqual([...cities].sort((a, b) => a.localeCompare(b)));
    await page.close();
  });

  it('gives every station, agreement and statement a page with its verification and a "Cite this" box', async () => {
    const agreements = JSON.parse(readFileSync(join(siteRoot, '../data/agreements.json'), 'utf8')) as Array<{ id: string }>;
    const paths = [...stations.map((s) => `stations/${s.id}.html`), ...agreements.map((a) => `agreements/${a.id}.html`), ...statements.map((s) => `statements/${s.id}.html`)];
    for (const path of paths) {
      const html = readFileSync(join(siteRoot, path), 'utf8');
      const id = path.replace(/^\w+\/|\.html$/g, '');
      expect(html, path).toContain('class="cite"');
      expect(html, path).toContain(`<code>${id}</code>`);
      expect(html, path).toMatch(/class="verification"/);
    }
    const page = await open('statements/' + statements[0]!.id + '.html');
    const text = await page.locator('#cite-text').textContent();
    expect(text).toContain(statements[0]!.id);
    expect(text).toMatch(/Version \d+\.\d+\.\d+/);
    expect(text).toContain(`statements/${statements[0]!.id}.html`);
    const bibtex = (await page.locator('#cite-bibtex').textContent())!;
    expect(bibtex).toMatch(/^@misc\{[\w:.-]+,\n/);
    let depth = 0;
    for (const c of bibtex) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    expect(depth).toBe(0);
    await page.close();
  });

  it('lists statements by date with filters for speaker, country, stance and language, each linking to its page', async () => {
    const page = await open('statements.html');
    const dates = await page.locator('#statements-table tbody tr > :first-child').allTextContents();
    expect(dates).toEqual([...dates].sort());
    expect(dates.length).toBe(statements.length);
    for (const key of ['speaker', 'country', 'stance', 'language']) expect(await page.locator(`select[data-filter="${key}"]`).count(), key).toBe(1);
    await page.selectOption('select[data-filter="language"]', 'it');
    expect(await page.locator('#statements-table tbody tr:visible').count()).toBe(statements.filter((s) => s.language === 'it').length);
    const links = await page.locator('#statements-table tbody a[href^="statements/"]').count();
    expect(links).toBe(statements.length);
    await page.close();
  });

  it('shows figures grouped by measure, as printed, never with precision the source did not give', async () => {
    const page = await open('figures.html');
    const text = (await page.locator('main').textContent())!;
    expect(text).not.toMatch(/exactly/i);
    for (const f of figures.filter((x) => x.as_printed)) expect(await page.locator(`tr[id="${f.id}"] > th`).textContent(), f.id).toContain(f.as_printed);
    expect(await page.locator('section.measure').count()).toBe(new Set(figures.map((f) => (f as unknown as { measure: string }).measure)).size);
    for (const h of await page.locator('section.measure h2').allTextContents()) expect(h).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+/);
    const withPreferred = await page.locator('tr:has(strong.preferred) td:nth-child(5)').allTextContents();
    for (const cell of withPreferred) expect(cell).toMatch(/^Preferred: \S/);
    await page.close();
  });

  it('has a font stack with CJK fallbacks, and Chinese text renders with a CJK font', async () => {
    const page = await open(pageTypes().statement!);
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    for (const f of ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei']) expect(family).toContain(f);
    const zh = page.locator('blockquote[lang^="zh"]');
    if (await zh.count()) {
      // A character drawn as a box (the .notdef glyph) would be as wide as any other; CJK glyphs are full-width.
      const widths = await zh.evaluate(() => {
        const span = document.createElement('span');
        document.body.append(span);
        const w = (t: string) => { span.textContent = t; return span.getBoundingClientRect().width; };
        return [w('中国'), w('ii')];
      });
      expect(widths[0]).toBeGreaterThan(widths[1]! * 2);
    }
    await page.close();
  });

  it('renders the method, the vocabularies with definitions, and the coverage when it exists', async () => {
    const page = await open('about.html');
    const methodology = readFileSync(join(PROJECT_ROOT, 'docs/METHODOLOGY.md'), 'utf8');
    const firstSection = methodology.match(/^## (.+)$/m)![1]!;
    expect(await page.locator('#methodology h3').first().textContent()).toBe(firstSection.replace(/`/g, ''));
    expect(await page.locator('#methodology table').count()).toBeGreaterThan(0);
    for (const [vocabulary, id] of [[StationStatus, 'v-station-status'], [Qualifier, 'v-qualifier']] as const) {
      const terms = vocabularyOf(vocabulary)!.terms;
      const rows = await page.locator(`section:has(> h3#${id}) tbody tr`).evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]));
      expect(rows).toEqual(Object.entries(terms));
    }
    expect(await page.locator('#verification').count()).toBe(1);
    const coverage = existsSync(join(PROJECT_ROOT, 'docs/coverage.md'));
    expect(await page.locator('#coverage').count()).toBe(coverage ? 1 : 0);
    await page.close();
  });

  it('describes every download with its format and size, the archive and workbooks first, and every link resolves', async () => {
    const page = await open('downloads.html');
    const items = await page.locator('ul.downloads li').evaluateAll((lis) => lis.map((li) => ({ href: (li.querySelector('a') as HTMLAnchorElement).href, meta: li.querySelector('.meta')!.textContent!, description: li.querySelector('.description')!.textContent! })));
    expect(items.length).toBeGreaterThan(60);
    for (const item of items) {
      expect(item.description, item.href).not.toBe('');
      expect(item.meta, item.href).toMatch(/^.+ · \d+(\.\d)? (B|KB|MB)$/);
    }
    expect(items[0]!.href).toMatch(/\.zip$/);
    const firstGroup = await page.locator('h2:has-text("Start here") + ul li a').allTextContents();
    for (const name of ['overseas-police-stations.xlsx', 'overseas-police-stations.sqlite', 'csv/stations-overview.csv', 'csv/statements-overview.csv', 'csv/figures-overview.csv'])
      if (existsSync(join(siteRoot, 'downloads', name))) expect(firstGroup).toContain(name);
    for (const { href } of items) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect((await response.body()).length, href).toBeGreaterThan(0);
    }
    expect(await page.locator('#cite-bibtex').textContent()).toContain('@misc{');
    await page.close();
  });

  it('keeps the home page (HTML, CSS, JS and maps) under 400 KB', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on('response', async (r) => sizes.set(r.url(), (await r.body()).length));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${origin}/index.html`, { waitUntil: 'networkidle' });
    await expect.poll(() => sizes.size).toBeGreaterThanOrEqual(5);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    console.log(`home page: ${sizes.size} files, ${(total / 1024).toFixed(1)} KB`);
    expect([...sizes.keys()].some((u) => u.endsWith('.svg'))).toBe(true);
    expect(total).toBeLessThan(400 * 1024);
    await context.close();
  });

  it('made no request outside its own origin', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  });
});
