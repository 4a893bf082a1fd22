/**
 * Escaping untrusted text (ids, keys, values from data/) before it is
 * printed: control characters (ESC sequences, CR/LF that would forge a line),
 * C1 controls, line and paragraph separators and bidirectional overrides are
 * shown as visible \u{…} escapes, so that nothing from the data can move the
 * cursor, colour the terminal, or start a line of its own in a log.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function escapeText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** GitHub workflow commands: the message part (%, CR, LF) — https://github.com/actions/toolkit (command.ts). */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow commands: a property value (also ":" and ","). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** JSON text whose strings carry no raw C1 controls or separators either (JSON.stringify leaves them as they are). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
