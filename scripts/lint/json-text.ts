/**
 * Reading JSON text with positions, on a maintained parser (jsonc-parser):
 * nesting depth (checked first, without recursion), the first syntax error
 * with a plain reason, duplicate keys, numbers that JavaScript cannot hold
 * exactly, and the line and column of any JSON Pointer.
 */
import { parseTree, ParseErrorCode, visit, type Node } from 'jsonc-parser';

/** Deeper than any record of this dataset needs (they nest about 6 levels); refused before anything recurses. */
export const MAX_DEPTH = 64;

export interface Located {
  offset: number;
  reason: string;
}

export interface DuplicateKey {
  key: string;
  /** JSON path of the second occurrence. */
  path: Array<string | number>;
  /** Offsets of the first and the second occurrence of the key. */
  firstOffset: number;
  offset: number;
}

export interface UnsafeNumber {
  text: string;
  path: Array<string | number>;
  offset: number;
}

export interface Scan {
  tooDeep?: Located | undefined;
  /** Where each element of a top-level array starts (for locating problems without parsing the whole text again). */
  starts: number[];
  duplicates: DuplicateKey[];
  unsafeNumbers: UnsafeNumber[];
}

/**
 * One flat pass over the characters, before anything parses or recurses:
 * how deep arrays and objects nest (stopping at the first place deeper than
 * `max`), keys that appear twice in one object, and numbers beyond 2^53.
 * It assumes well-formed JSON; on malformed text its findings are discarded
 * (the parser then reports the syntax error). The parser's own visitor finds
 * the same things but costs several times as much on every run.
 */
export function scanText(text: string, max = MAX_DEPTH): Scan {
  const duplicates: DuplicateKey[] = [];
  const unsafeNumbers: UnsafeNumber[] = [];
  const starts: number[] = [];
  type Frame = { keys: Map<string, number> | null; at: string | number };
  const frames: Frame[] = [];
  const path = () => frames.map((f) => f.at);
  let prev = 0; // the previous significant character
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (frames.length === 1 && !frames[0]!.keys && (prev === 0x5b || prev === 0x2c) && c !== 0x5d) starts.push(i);
    if (c === 0x22) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
      const top = frames[frames.length - 1];
      if (top?.keys && (prev === 0x7b || prev === 0x2c)) {
        const raw = text.slice(start + 1, i);
        let key = raw;
        if (raw.includes('\\')) {
          try {
            key = JSON.parse(`"${raw}"`) as string;
          } catch {
            key = raw;
          }
        }
        top.at = key;
        const first = top.keys.get(key);
        if (first !== undefined) duplicates.push({ key, path: path(), firstOffset: first, offset: start });
        else top.keys.set(key, start);
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (frames.length >= max) return { tooDeep: { offset: i, reason: `arrays and objects nest more than ${max} levels deep here` }, duplicates, unsafeNumbers, starts };
      frames.push({ keys: c === 0x7b ? new Map() : null, at: c === 0x5b ? 0 : '' });
    } else if (c === 0x5d || c === 0x7d) {
      frames.pop();
    } else if (c === 0x2c) {
      const top = frames[frames.length - 1];
      if (top && !top.keys) top.at = (top.at as number) + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      let exponent = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x65 || d === 0x45) exponent = true;
        else if (!((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2b || d === 0x2d)) break;
      }
      if (j - i >= 16 || exponent) {
        const literal = text.slice(i, j);
        if (Math.abs(Number(literal)) > Number.MAX_SAFE_INTEGER) unsafeNumbers.push({ text: literal, path: path(), offset: i });
      }
      i = j - 1;
    }
    prev = c;
  }
  return { duplicates, unsafeNumbers, starts };
}

/** The first syntax error, with a plain reason, from the parser; only for text whose depth is known to be bounded. */
export function findSyntaxError(text: string): Located | undefined {
  let syntax: Located | undefined;
  const containers: string[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void containers.push('}'),
      onObjectEnd: () => void containers.pop(),
      onArrayBegin: () => void containers.push(']'),
      onArrayEnd: () => void containers.pop(),
      onError: (error, offset) => {
        syntax ??= explain(text, error, offset, containers[containers.length - 1] ?? ']');
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return syntax;
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

/** Offsets where each element of the top-level array starts (a flat pass; strings skipped). */
export function topLevelStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (depth === 1 && expectValue && c !== 0x5d) starts.push(i);
    expectValue = false;
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x2c && depth === 1) {
      expectValue = true;
    }
  }
  return starts;
}

/**
 * Finds where a JSON Pointer points in a text: the value it names, or the
 * nearest enclosing value that exists (a missing field is reported at its
 * record). For a file that is an array of records, only the records that
 * problems point into are parsed (each once); otherwise the whole text.
 */
export class Locator {
  private starts: number[] | undefined;
  private trees = new Map<number, Node | undefined>();
  private lines: LineIndex | undefined;
  /** `starts`: where the records of a top-level array start, if known (scanText gives them). */
  constructor(private readonly text: string, starts?: number[]) {
    this.starts = starts;
  }

  private tree(index: number): Node | undefined {
    if (!this.trees.has(index)) {
      const start = index < 0 ? 0 : this.starts![index]!;
      const end = index < 0 ? this.text.length : (this.starts![index + 1] ?? this.text.length);
      const tree = parseTree(this.text.slice(start, end), [], { disallowComments: true, allowTrailingComma: true });
      this.trees.set(index, tree);
    }
    return this.trees.get(index);
  }

  offsetOf(pointer: string): number | undefined {
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    this.starts ??= this.text.trimStart().startsWith('[') ? topLevelStarts(this.text) : [];
    const first = Number(segments[0]);
    const perRecord = segments.length > 0 && Number.isInteger(first) && first >= 0 && first < this.starts.length;
    const index = perRecord ? first : -1;
    let node = this.tree(index);
    if (!node) return undefined;
    const base = perRecord ? this.starts[first]! : 0;
    for (const segment of perRecord ? segments.slice(1) : segments) {
      let next: Node | undefined;
      if (node.type === 'array') next = node.children?.[Number(segment)];
      else if (node.type === 'object') next = node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
      if (!next) break;
      node = next;
    }
    return base + node.offset;
  }

  locate(pointer: string): { line: number; column: number } | undefined {
    const offset = this.offsetOf(pointer);
    if (offset === undefined) return undefined;
    this.lines ??= new LineIndex(this.text);
    return this.lines.at(offset);
  }
}
