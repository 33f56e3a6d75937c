/**
 * Label text as lines of visible characters: a line break in the text starts a new line, a tab is
 * a space, and any other control character is written as `\uXXXX`, so no label can break the
 * picture's syntax before the renderer's own escaping even starts.
 */
export function textLines(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => line.replace(/\t/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** A label from parts: each part is text that may itself hold line breaks; empty parts are dropped. */
export function label(...parts: readonly (string | undefined | null | false)[]): string[] {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").flatMap(textLines);
}

/** One line: line breaks become spaces (for titles). */
export function oneLine(text: string): string {
  return textLines(text).join(" ");
}
