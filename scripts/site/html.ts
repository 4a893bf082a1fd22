/** Small HTML helpers: escaping and the page layout shared by every page. */
export const esc = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A vocabulary value as words: `under-investigation` → `under investigation`. */
export const words = (value: string): string => value.replace(/-/g, ' ');

export interface Page {
  path: string;
  title: string;
  body: string;
}

const NAV: Array<[string, string]> = [
  ['index.html', 'Map and stations'],
  ['agreements.html', 'Agreements'],
  ['statements.html', 'Statements'],
  ['figures.html', 'Figures'],
  ['sources.html', 'Sources'],
  ['about.html', 'About the method'],
  ['downloads.html', 'Downloads and citation'],
];

/** The relative prefix from a page to the site root: `stations/x.html` → `../`. */
export const upFrom = (path: string): string => '../'.repeat(path.split('/').length - 1);

/** Wraps a page body in the shared layout; `path` decides the relative prefix of links. */
export function layout(page: Page, version: string): string {
  const up = upFrom(page.path);
  const section = page.path.includes('/') ? `${page.path.split('/')[0]}.html` : page.path;
  const current = (href: string) => (href === page.path ? ' aria-current="page"' : href === section || (section === 'stations.html' && href === 'index.html') ? ' class="section"' : '');
  const nav = NAV.map(([href, label]) => `<a href="${up}${href}"${current(href)}>${esc(label)}</a>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)} · Overseas police stations dataset</title>
<link rel="stylesheet" href="${up}assets/site.css">
<script src="${up}assets/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<p class="brand"><a href="${up}index.html">Overseas police stations dataset</a> <span class="version">v${esc(version)}</span></p>
<nav aria-label="Sections">
${nav}
</nav>
</header>
<main id="main">
${page.body}
</main>
<footer>
<p>Every record is a claim attributed to its sources. Data CC BY 4.0; quotations remain their publishers’. Built from the dataset’s JSON; no request leaves this site.</p>
</footer>
</body>
</html>
`;
}
