import { parseJson } from "@graphenix/core";
import { timeInterleaved } from "../measure.js";
import { planLikeDocument } from "../plan-like.js";
import { reported, type BenchResult } from "../result.js";

/** Our strict reader (duplicate keys, positions, limits) against the native JSON.parse. */
export function parseBench(): BenchResult[] {
  const text = JSON.stringify(planLikeDocument(10_000));
  const [ours, native] = timeInterleaved([() => parseJson(text), () => JSON.parse(text)], 9).map((t) => t.medianMs) as [number, number];
  return [reported("parseJson 10k: time / JSON.parse", ours / native, `ours ${ours.toFixed(1)} ms, JSON.parse ${native.toFixed(1)} ms`)];
}
