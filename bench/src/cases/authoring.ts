import { normalizeAuthoringGraph, validateAuthoringGraph } from "@graphenix/authoring-format";
import { authoringGraph } from "../authoring-like.js";
import { orderGraph, visitEvery } from "../floors.js";

type GraphShape = Parameters<typeof orderGraph>[0];
import { timeInterleaved } from "../measure.js";
import { judged, reported, type BenchResult } from "../result.js";

/** Issue #3: validate (schema + rules) and normalize a 10k-node authoring graph, against JSON.parse. */
export function authoringBench(): BenchResult[] {
  const results: BenchResult[] = [];
  const timings = new Map<number, number>();
  const fromText = new Map<number, number>();
  const parses = new Map<number, number>();
  for (const count of [10_000, 100_000]) {
    const doc = authoringGraph(count);
    const text = JSON.stringify(doc);
    // The judged lines validate the graph as the generator built it in memory, as they always
    // have; the same graph read from its text, as the CLI and engines have it, is reported beside
    // them (its objects share one shape per node kind; the generator's differ with each
    // combination of optional members).
    const parsed: unknown = JSON.parse(text);
    const limits = { maxNodes: 200_000 };
    if (!validateAuthoringGraph(doc, { limits }).valid) throw new Error("bench graph must be valid");
    const rounds = count > 10_000 ? 5 : 11;
    const [validate, normalize, parse, validateParsed, visit, visitParsed] = timeInterleaved(
      [
        () => validateAuthoringGraph(doc, { limits }),
        () => normalizeAuthoringGraph(doc, { limits }),
        () => JSON.parse(text),
        () => validateAuthoringGraph(parsed, { limits }),
        // The least any validation reads and orders: each member and item once, nothing checked,
        // and the edges' ends looked up and ordered for the DAG check (floors.ts).
        () => visitEvery(doc) + Number(orderGraph(doc as GraphShape)),
        () => visitEvery(parsed) + Number(orderGraph(parsed as GraphShape)),
      ],
      rounds,
    ).map((t) => t.medianMs) as [number, number, number, number, number, number];
    timings.set(count, validate);
    fromText.set(count, validateParsed);
    parses.set(count, parse);
    const size = `${(text.length / 1e6).toFixed(1)} MB`;
    const k = `${count / 1000}k`;
    if (count === 10_000) {
      results.push(judged(`authoring ${k}: validate / JSON.parse`, validate / parse, "<=", 0.5, `validate ${validate.toFixed(1)} ms, JSON.parse ${parse.toFixed(1)} ms, ${size}`));
    } else {
      results.push(reported(`authoring ${k}: validate / JSON.parse`, validate / parse, `validate ${validate.toFixed(1)} ms, JSON.parse ${parse.toFixed(1)} ms, ${size}`));
    }
    results.push(reported(`authoring ${k}: validate the graph read from its text / JSON.parse`, validateParsed / parse, `validate ${validateParsed.toFixed(1)} ms`));
    results.push(reported(`authoring ${k}: normalize (incl. validate, hash) / JSON.parse`, normalize / parse, `normalize ${normalize.toFixed(1)} ms`));
    if (count === 10_000) {
      results.push(reported(`authoring ${k}: floor of any validation (visit every value, order the edges, check nothing) / JSON.parse`, visit / parse, `${visit.toFixed(1)} ms; the graph read from its text ${(visitParsed / parse).toFixed(3)}×`));
    }
  }
  const growth = (map: Map<number, number>) => (map.get(100_000) ?? 0) / (map.get(10_000) ?? 1);
  results.push(judged("authoring validate growth 10k → 100k", growth(timings), "<=", 12, "linear would be 10"));
  results.push(reported("authoring validate growth 10k → 100k, the graph read from its text", growth(fromText), `JSON.parse of the same texts grows ${growth(parses).toFixed(2)}×`));
  return results;
}
