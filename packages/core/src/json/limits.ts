/** Limits for reading JSON text. Every limit has a default and is decided before the work. */
export interface JsonParseLimits {
  /** Deepest nesting of arrays and objects. Default {@link DEFAULT_JSON_MAX_DEPTH}. */
  readonly maxDepth?: number;
  /** Largest document, in UTF-8 bytes. Default {@link DEFAULT_JSON_MAX_BYTES}. */
  readonly maxBytes?: number;
}

export const DEFAULT_JSON_MAX_DEPTH = 512;
export const DEFAULT_JSON_MAX_BYTES = 64 * 1024 * 1024;
