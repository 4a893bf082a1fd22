/**
 * Finds where and why JSON text is malformed. Only called after JSON.parse
 * failed, to give a line, a column and a plain reason (V8's messages do not
 * always carry a position).
 */
export interface SyntaxProblem {
  offset: number;
  reason: string;
}

export function locateSyntaxError(text: string): SyntaxProblem | undefined {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw { offset: at, reason } satisfies SyntaxProblem;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);

  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`expected a value but found ${describe()}`);
  };
  let lastComma = 0;
  /** The items of an object or array, separated by commas, up to `close`; a trailing comma is reported at the comma. */
  const sequence = (close: '}' | ']', item: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === close) fail(`trailing comma before "${close}"`, lastComma);
      item();
      ws();
      if (text[i] === ',') {
        lastComma = i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(`expected "," or "${close}" but found ${describe()}`);
    }
  };
  const member = () => {
    if (text[i] !== '"') fail(`expected a double-quoted key but found ${describe()}`);
    string();
    ws();
    if (text[i] !== ':') fail(`expected ":" after the key but found ${describe()}`);
    i++;
    value();
  };
  const object = () => sequence('}', member);
  const array = () => sequence(']', value);
  const string = () => {
    const start = i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('invalid escape in a string');
      } else if (c < ' ') {
        fail(c === '\n' ? 'a string is not closed before the end of the line' : 'a control character inside a string must be escaped');
      } else i++;
    }
    fail('a string is not closed before the end of the file', start);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') fail('malformed number');
    i += m![0].length;
  };

  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the data`);
    return undefined;
  } catch (error) {
    if (error && typeof error === 'object' && 'offset' in error) return error as SyntaxProblem;
    throw error;
  }
}
