// The example documents of the repository's examples/ folder, embedded in the build (the bundler
// inlines JSON imports), so `npx @graphenix/cli demo` runs anywhere without the repository.
import atomicScenario from "../../../../examples/atomic-scenario.json";
import authoringGraph from "../../../../examples/content-pipeline.authoring.json";
import runtime from "../../../../examples/content-pipeline.runtime.json";
import labInventory from "../../../../examples/lab-inventory.json";
import matrixScenario from "../../../../examples/matrix-scenario.json";

export interface ExampleDocument {
  /** The file's name in examples/ (how the demo names it). */
  readonly file: string;
  readonly value: unknown;
}

const example = (file: string, value: unknown): ExampleDocument => ({ file, value });

export const DEMO_EXAMPLES = {
  authoringGraph: example("content-pipeline.authoring.json", authoringGraph),
  runtime: example("content-pipeline.runtime.json", runtime),
  matrixScenario: example("matrix-scenario.json", matrixScenario),
  atomicScenario: example("atomic-scenario.json", atomicScenario),
  labInventory: example("lab-inventory.json", labInventory),
} as const;

/** When the demo's plan is compiled (`--now` overrides it): a fixed time, so its output never changes. */
export const DEMO_NOW = "2026-06-06T12:00:00.000Z";
