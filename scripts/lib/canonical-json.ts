/**
 * The canonical layout of a data file, printed from the parser's tree so that
 * every scalar keeps the exact text it was written with (`-74.0` stays
 * `-74.0`, `\u00e9` stays `\u00e9`): only white space and the order of the
 * records change. The layout is that of JSON.stringify(value, null, 2) plus a
 * final newline. Call it only on text the linter has read (depth bounded).
 */
import { parseTree, type Node } from 'jsonc-parser';

export function printNode(text: string, node: Node, indent = ''): string {
  switch (node.type) {
    case 'array': {
      const items = node.children ?? [];
      if (items.length === 0) return '[]';
      const inner = indent + '  ';
      return `[\n${items.map((c) => inner + printNode(text, c, inner)).join(',\n')}\n${indent}]`;
    }
    case 'object': {
      const props = node.children ?? [];
      if (props.length === 0) return '{}';
      const inner = indent + '  ';
      return `{\n${props.map((p) => `${inner}${raw(text, p.children![0]!)}: ${printNode(text, p.children![1]!, inner)}`).join(',\n')}\n${indent}}`;
    }
    default:
      return raw(text, node);
  }
}

const raw = (text: string, node: Node) => text.slice(node.offset, node.offset + node.length);

const idOf = (node: Node): string => {
  const id = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === 'id')?.children?.[1] : undefined;
  return id?.type === 'string' ? String(id.value) : '';
};

export interface Canonical {
  text: string;
  records: number;
  /** Whether sorting changed the order of the records. */
  reordered: boolean;
  /** The canonical layout with the records in their original order. */
  unsorted: string;
}

/** A data file (a JSON array of records) sorted by id, in the canonical layout. */
export function canonicalDataFile(text: string): Canonical {
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  if (!tree || tree.type !== 'array') throw new Error('not a JSON array');
  const records = tree.children ?? [];
  const sorted = records.map((node, i) => ({ node, i, id: idOf(node) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i));
  const reordered = sorted.some((s, i) => s.i !== i);
  return {
    text: printNode(text, { ...tree, children: sorted.map((s) => s.node) }) + '\n',
    records: records.length,
    reordered,
    unsorted: reordered ? printNode(text, tree) + '\n' : '',
  };
}
