import { canonicalizeResult, MAX_VALIDATION_DEPTH, utf8ByteLength } from "@graphenix/core";

/** The most characters a finite number serializes to (ECMAScript Number::toString, as JCS writes it). */
const MAX_NUMBER_CHARS = 25;

/** The most canonical JSON bytes a payload may have inline (docs/execution-trace.md); larger ones go by reference. */
export const MAX_INLINE_PAYLOAD_BYTES = 64 * 1024;

/**
 * An upper bound of a value's canonical size, walking no further than `budget`: every string
 * counted at 6 bytes per UTF-16 unit (the longest escape) plus quotes, every number at 25
 * characters (the longest a number serializes to: a sign, `0.00000` and 17 digits, as
 * `-0.0000012345678901234567`).
 * Returns a negative number once the bound passes the budget.
 */
function boundWithin(value: unknown, budget: number): number {
  if (budget < 0) return budget;
  switch (typeof value) {
    case "string":
      return budget - (value.length * 6 + 2); // \uXXXX is the longest escape of one unit
    case "number":
      return budget - MAX_NUMBER_CHARS;
    case "boolean":
      return budget - 5;
    case "object": {
      if (value === null) return budget - 4;
      let left = budget - 2;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && left >= 0; i++) left = boundWithin(value[i], left - 1);
        return left;
      }
      // for…in, not Object.keys (no array per payload): a member inherited from a polluted
      // Object.prototype only raises the bound, and an exact count follows any bound past the limit.
      for (const key in value) {
        left = boundWithin((value as Record<string, unknown>)[key], left - (key.length * 6 + 4));
        if (left < 0) return left;
      }
      return left;
    }
    default:
      return budget;
  }
}

/**
 * The canonical JSON size of an inline payload when it is over the limit, else undefined. Almost
 * every payload is far below it: a bounded walk answers those without serializing anything.
 */
export function inlinePayloadOverLimit(inline: unknown): number | undefined {
  if (boundWithin(inline, MAX_INLINE_PAYLOAD_BYTES) >= 0) return undefined;
  // The document scan already held the trace to the validation depth limit and to JSON values.
  const canonical = canonicalizeResult(inline, { maxDepth: MAX_VALIDATION_DEPTH });
  if (!canonical.ok) return undefined;
  const bytes = utf8ByteLength(canonical.value);
  return bytes > MAX_INLINE_PAYLOAD_BYTES ? bytes : undefined;
}
