/**
 * Text from files (cell values, organisation names, sheet names, explanations, file and part
 * names) goes into a terminal or a plain-text receipt only through here: control characters (ESC,
 * BEL, carriage returns, newlines...) and text-direction overrides become visible placeholders,
 * so a cell cannot clear the screen, colour a report or forge a line; very long text is cut short
 * with a count. JSON output does not go through here: it stays exact.
 */

/** C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line of safe text: line breaks and tabs become spaces, other controls "\uFFFD"; cut at `max` characters. */
export function safeText(text: string, max = 300): string {
  const flat = text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, " ").replace(UNSAFE, "\uFFFD");
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut}... (${flat.length.toLocaleString("en-GB")} characters in all)`;
}

/** A file's name without its folders (either kind of slash: files come from Windows and elsewhere). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
