const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * Control characters (C0, DEL, C1) and line or paragraph separators made visible as escapes (`\n`, `\x1b`,
 * `\u2028`): a file name or a parser's message is printed on one line, and cannot forge output lines or
 * send terminal escapes. Backslashes are doubled so that an escape seen is always one that was made here.
 */
export function printable(text: string): string {
  return text.replace(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
