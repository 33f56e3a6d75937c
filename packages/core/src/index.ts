export { canonicalize, canonicalizeResult, canonicalBytes, DEFAULT_CANONICAL_MAX_DEPTH, type CanonicalizeOptions } from "./jcs/canonicalize.js";
export { CanonicalizationError } from "./jcs/errors.js";
export { digest, digestResult, sha256Hex, isDigest, DIGEST_PREFIX } from "./digest.js";
export {
  encodePointer,
  decodePointer,
  escapePointerToken,
  unescapePointerToken,
  isJsonPointer,
  resolvePointer,
  JsonPointerError,
} from "./pointer.js";
export { parseJson, parseJsonBytes } from "./json/parse.js";
export { DEFAULT_JSON_MAX_BYTES, DEFAULT_JSON_MAX_DEPTH, type JsonParseLimits } from "./json/limits.js";
export { locationAt } from "./json/location.js";
export { compareUtf8, findLoneSurrogate, utf8ByteLength } from "./unicode.js";
export { makeIssue } from "./issue.js";
