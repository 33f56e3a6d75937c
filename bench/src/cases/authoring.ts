import { normalizeAuthoringGraph, validateAuthoringGraph } from "@graphenix/authoring-format";
import { authoringGraph } from "../authoring-like.js";
import { timeInterleaved } from "../measure.js";
import { judged, reported, type BenchResult } from "../result.js";

/** Issue #3: validate (schema + rules) and normalize a 10k-node authoring graph, against JSON.parse. */
export function authoringBench(): BenchResult[] {
  const results: BenchResult[] = [];
  const timings = new Map<number, number>();
  for (const count of [10_000, 100_000]) {
    const built = authoringGraph(count);
    const text = JSON.stringify(built);
    // Judged on the graph read from its text, as the CLI and engines have it (as topological order
    // is); the graph built in memory, whose objects differ in shape from one node kind to the
    // next, is reported beside it.
    const doc: unknown = JSON.parse(text);
    const limits = { maxNodes: 200_000 };
    if (!validateAuthoringGraph(doc, { limits }).valid) throw new Error("bench graph must be valid");
    const rounds = count > 10_000 ? 5 : 11;
    const [validate, normalize, parse, validateBuilt] = timeInterleaved(
      [() => validateAuthoringGraph(doc, { limits }), () => normalizeAuthoringGraph(doc, { limits }), () => JSON.parse(text), () => validateAuthoringGraph(built, { limits })],
      rounds,
    ).map((t) => t.medianMs) as [number, number, number, number];
    timings.set(count, validate);
    const size = `${(text.length / 1e6).toFixed(1)} MB`;
    const k = `${count / 1000}k`;
    if (count === 10_000) {
      results.push(judged(`authoring ${k}: validate / JSON.parse`, validate / parse, "<=", 0.5, `validate ${validate.toFixed(1)} ms, JSON.parse ${parse.toFixed(1)} ms, ${size}`));
    } else {
      results.push(reported(`authoring ${k}: validate / JSON.parse`, validate / parse, `validate ${validate.toFixed(1)} ms, JSON.parse ${parse.toFixed(1)} ms, ${size}`));
    }
    results.push(reported(`authoring ${k}: validate the graph built in memory / JSON.parse`, validateBuilt / parse, `validate ${validateBuilt.toFixed(1)} ms`));
    results.push(reported(`authoring ${k}: normalize (incl. validate, hash) / JSON.parse`, normalize / parse, `normalize ${normalize.toFixed(1)} ms`));
  }
  const growth = (timings.get(100_000) ?? 0) / (timings.get(10_000) ?? 1);
  results.push(judged("authoring validate growth 10k → 100k", growth, "<=", 12, "linear would be 10"));
  return results;
}
