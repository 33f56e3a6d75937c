import { createHash } from "node:crypto";
import canonicalizeNpm from "canonicalize";
import { canonicalize, digest } from "@graphenix/core";
import { timeInterleaved } from "../measure.js";
import { planLikeDocument } from "../plan-like.js";
import { judged, reported, type BenchResult } from "../result.js";

const ROUNDS = 15;

/** DESIGN §8: RFC 8785 canonicalization of a 10k-node plan, ≥ 3× faster than `canonicalize`, byte-identical. */
export function jcsBench(): BenchResult[] {
  const doc = planLikeDocument(10_000);
  const expected = canonicalizeNpm(doc) as string;
  // A document whose members are already in canonical order, as every document we write is.
  const canonicalOrder: unknown = JSON.parse(expected);
  const identical = canonicalize(doc) === expected && canonicalize(canonicalOrder) === expected;
  const size = `${(Buffer.byteLength(expected) / 1e6).toFixed(1)} MB canonical`;

  const [ours, npm, stringify, oursSorted, npmSorted] = timeInterleaved(
    [() => canonicalize(doc), () => canonicalizeNpm(doc), () => JSON.stringify(doc), () => canonicalize(canonicalOrder), () => canonicalizeNpm(canonicalOrder)],
    ROUNDS,
  ).map((t) => t.medianMs) as [number, number, number, number, number];

  const [ourDigest, npmDigest] = timeInterleaved(
    [() => digest(doc), () => "sha256:" + createHash("sha256").update(canonicalizeNpm(doc) as string).digest("hex")],
    ROUNDS,
  ).map((t) => t.medianMs) as [number, number];

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    { name: "jcs 10k: output byte-identical to canonicalize", ratio: identical ? 1 : 0, target: "== 1", pass: identical, detail: size },
    judged("jcs 10k (member order as generated): speed-up vs canonicalize", npm / ours, ">=", 3, `ours ${ms(ours)}, canonicalize ${ms(npm)}`),
    judged("jcs 10k (canonical member order): speed-up vs canonicalize", npmSorted / oursSorted, ">=", 3, `ours ${ms(oursSorted)}, canonicalize ${ms(npmSorted)}`),
    reported("jcs 10k: time / JSON.stringify", ours / stringify, `JSON.stringify ${ms(stringify)}`),
    reported("digest 10k: speed-up vs canonicalize + sha256", npmDigest / ourDigest, `ours ${ms(ourDigest)}, baseline ${ms(npmDigest)}`),
  ];
}
