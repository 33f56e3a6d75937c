/**
 * Whether `error` is the engine running out of stack. Readers that turn what a document throws into
 * issues let this one go up: it says nothing about the document.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
