import type { SourceLocation } from "@graphenix/contracts";

/** 1-based line and column (UTF-16 units) of `offset` in `text`; `\r\n`, `\n` and `\r` end lines. */
export function locationAt(text: string, offset: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}
