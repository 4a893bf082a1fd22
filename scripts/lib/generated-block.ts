/** Generated blocks inside hand-written Markdown: the text between two HTML comment markers. */

export function replaceBlock(text: string, file: string, name: string, content: string): string {
  const start = new RegExp(`<!-- ${name}:start[^>]*-->`).exec(text);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (!start || end < start.index) throw new Error(`${file} has no <!-- ${name}:start --> … <!-- ${name}:end --> block; add the two markers where the generated text belongs`);
  return text.slice(0, start.index + start[0].length) + '\n' + content.trimEnd() + '\n' + text.slice(end);
}

/** A Markdown table from a header row and body rows. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, align?: readonly ('l' | 'r')[]): string {
  const esc = (cell: string | number) => String(cell).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
}
