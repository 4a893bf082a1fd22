/**
 * Reading JSON text with positions, on a maintained parser (jsonc-parser):
 * nesting depth (checked first, without recursion), the first syntax error
 * with a plain reason, duplicate keys, numbers that JavaScript cannot hold
 * exactly, and the line and column of any JSON Pointer.
 */
import { createScanner, parseTree, ParseErrorCode, SyntaxKind, visit, type Node } from 'jsonc-parser';

/** Deeper than any record of this dataset needs (they nest about 6 levels); refused before anything recurses. */
export const MAX_DEPTH = 64;

export interface Located {
  offset: number;
  reason: string;
}

/** The first place where arrays and objects nest deeper than MAX_DEPTH, found by a flat token scan. */
export function findTooDeep(text: string, max = MAX_DEPTH): Located | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > max) return { offset: scanner.getTokenOffset(), reason: `arrays and objects nest more than ${max} levels deep here` };
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return undefined;
}

export interface DuplicateKey {
  key: string;
  /** JSON path of the second occurrence. */
  path: Array<string | number>;
  first: { offset: number; line: number; column: number };
  second: { offset: number; line: number; column: number };
}

export interface UnsafeNumber {
  text: string;
  path: Array<string | number>;
  offset: number;
}

export interface Scan {
  syntax?: Located | undefined;
  duplicates: DuplicateKey[];
  unsafeNumbers: UnsafeNumber[];
}

/** One pass of the parser's visitor over text whose depth is known to be bounded. */
export function scanJson(text: string): Scan {
  const duplicates: DuplicateKey[] = [];
  const unsafeNumbers: UnsafeNumber[] = [];
  let syntax: Located | undefined;
  const objects: Array<Map<string, { offset: number; line: number; column: number }> | null> = [];
  visit(
    text,
    {
      onObjectBegin: () => void objects.push(new Map()),
      onObjectEnd: () => void objects.pop(),
      onArrayBegin: () => void objects.push(null),
      onArrayEnd: () => void objects.pop(),
      onObjectProperty: (key, offset, _length, line, character, pathSupplier) => {
        const keys = objects[objects.length - 1];
        if (!keys) return;
        const here = { offset, line: line + 1, column: character + 1 };
        const first = keys.get(key);
        if (first) duplicates.push({ key, path: [...pathSupplier(), key], first, second: here });
        else keys.set(key, here);
      },
      onLiteralValue: (value, offset, length, _line, _character, pathSupplier) => {
        if (typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
          unsafeNumbers.push({ text: text.substr(offset, length), path: pathSupplier(), offset });
        }
      },
      onError: (error, offset) => {
        syntax ??= explain(text, error, offset, objects[objects.length - 1] === null ? ']' : '}');
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return { syntax, duplicates, unsafeNumbers };
}

function explain(text: string, error: ParseErrorCode, offset: number, close: string): Located {
  const found = describe(text, offset);
  const previous = lastNonSpace(text, offset);
  const at = (reason: string, where = offset) => ({ offset: where, reason });
  switch (error) {
    case ParseErrorCode.ValueExpected:
    case ParseErrorCode.PropertyNameExpected:
      if ((text[offset] === ']' || text[offset] === '}') && previous !== undefined && text[previous] === ',') return at(`trailing comma before "${text[offset]}"`, previous);
      return at(error === ParseErrorCode.ValueExpected ? `expected a value but found ${found}` : `expected a double-quoted key but found ${found}`);
    case ParseErrorCode.ColonExpected:
      return at(`expected ":" after the key but found ${found}`);
    case ParseErrorCode.CommaExpected:
      return at(`expected "," or "${close}" but found ${found}`);
    case ParseErrorCode.CloseBraceExpected:
      return at(`expected "," or "}" but found ${found}`);
    case ParseErrorCode.CloseBracketExpected:
      return at(`expected "," or "]" but found ${found}`);
    case ParseErrorCode.UnexpectedEndOfString: {
      const newline = text.slice(offset).search(/[\r\n]/);
      return at(newline >= 0 ? 'a string is not closed before the end of the line' : 'a string is not closed before the end of the file');
    }
    case ParseErrorCode.InvalidEscapeCharacter:
      return at('invalid escape in a string');
    case ParseErrorCode.InvalidUnicode:
      return at('invalid \\u escape in a string');
    case ParseErrorCode.InvalidCharacter:
      return at('a control character inside a string must be escaped');
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return at('malformed number');
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return at('comments are not allowed in JSON');
    case ParseErrorCode.EndOfFileExpected:
      return at(`unexpected ${found} after the end of the data`);
    default:
      return at(`unexpected ${found}`);
  }
}

function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const word = /^[^\s,:[\]{}"]{1,20}/.exec(text.slice(offset, offset + 20));
  return `"${word ? word[0] : text[offset]}"`;
}

function lastNonSpace(text: string, before: number): number | undefined {
  for (let i = before - 1; i >= 0; i--) if (!' \t\r\n'.includes(text[i]!)) return i;
  return undefined;
}

/** Line and column (1-based) of offsets in one text, from an index of line starts built once. */
export class LineIndex {
  private starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * Finds where a JSON Pointer points in a text: the value it names, or the
 * nearest enclosing value that exists (a missing field is reported at its
 * record). Parses the text once, on first use.
 */
export class Locator {
  private tree: Node | undefined | null = null;
  private lines: LineIndex | undefined;
  constructor(private readonly text: string) {}

  offsetOf(pointer: string): number | undefined {
    if (this.tree === null) this.tree = parseTree(this.text, [], { disallowComments: true, allowTrailingComma: false });
    let node = this.tree;
    if (!node) return undefined;
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    for (const segment of segments) {
      let next: Node | undefined;
      if (node.type === 'array') next = node.children?.[Number(segment)];
      else if (node.type === 'object') next = node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
      if (!next) break;
      node = next;
    }
    return node.offset;
  }

  locate(pointer: string): { line: number; column: number } | undefined {
    const offset = this.offsetOf(pointer);
    if (offset === undefined) return undefined;
    this.lines ??= new LineIndex(this.text);
    return this.lines.at(offset);
  }

  lineOf(offset: number) {
    this.lines ??= new LineIndex(this.text);
    return this.lines.at(offset);
  }
}
