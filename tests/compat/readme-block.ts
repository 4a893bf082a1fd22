/** Generated blocks of the README, between `<!-- name:start … -->` and `<!-- name:end -->`. */
function bounds(readme: string, name: string): [from: number, to: number] {
  const start = new RegExp(`<!-- ${name}:start[^>]*-->\\n`).exec(readme);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  if (!start || end < start.index) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
  return [start.index + start[0].length, end];
}

export function replaceBlock(readme: string, name: string, body: string): string {
  const [from, to] = bounds(readme, name);
  return `${readme.slice(0, from)}${body}\n${readme.slice(to)}`;
}

/** The body of a generated block, without its last line end. */
export function readBlock(readme: string, name: string): string {
  const [from, to] = bounds(readme, name);
  return readme.slice(from, to).replace(/\n$/, '');
}
