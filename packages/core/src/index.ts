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
export { parseJson, parseJsonBytes, type JsonParseResult, type LocatedIssue } from "./json/parse.js";
export { DEFAULT_JSON_MAX_BYTES, DEFAULT_JSON_MAX_DEPTH, type JsonParseLimits } from "./json/limits.js";
export { locationAt } from "./json/location.js";
export { compareUtf8, findLoneSurrogate, sortUtf8, utf8ByteLength } from "./unicode.js";
export { makeIssue } from "./issue.js";
export { DEFAULT_VALIDATION_LIMITS, MAX_VALIDATION_DEPTH, resolveLimits, type ValidationLimits, type ValidationOptions } from "./validation/limits.js";
export { IssueCollector, truncatedCount } from "./validation/collector.js";
export { mayChangeBetweenReads, readGuarded, unstableDocumentIssue, unstableReadIssue, validateGuarded, type ReadDocument } from "./validation/unstable.js";
export { scanDocument, type ScanOptions } from "./validation/scan.js";
export { quickAccept, type QuickAccept, type QuickAcceptContext, type QuickAcceptTrust } from "./validation/quick-accept.js";
export { isCredentialName, credentialValueKind, matchesCredentialShape, CREDENTIAL_NAME_SUFFIXES, CREDENTIAL_NAMES, CREDENTIAL_VALUE_PATTERNS, type CredentialShape } from "./validation/credentials.js";
export { schemaIssues, type SchemaError, type SchemaValidator } from "./validation/schema-issues.js";
export { checkFormat, formatOf, formatReadable, showJson } from "./validation/format.js";
export { topologicalOrder, topologicalOrderOfEdges, type TopoResult } from "./graph/topo.js";
export { locatePointer } from "./json/locate.js";
export { asObject, asArray, asString, objectAt, objectPrototypeIsStandard, own, ownEntries, type Obj } from "./validation/json-access.js";
export { choiceHint, closestName } from "./validation/closest-name.js";
export { jsonEqual } from "./json-equal.js";
export { setMember, hasMember, getMember, cloneJson, withoutPrototypes } from "./json-build.js";
export { validationResult, prefixIssues, isRealDate } from "./validation/result.js";
export { millisOf } from "./timestamps.js";
export { keepShape } from "./shapes.js";
