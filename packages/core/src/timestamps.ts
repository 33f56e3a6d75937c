/**
 * A timestamp of the schemas' `Timestamp` form as milliseconds since 1970 (NaN when `Date.parse`
 * cannot read it). A leap second (`…:60`, which `Date.parse` refuses) counts as the start of the
 * next minute: a clock that counts on from it (the trace simulator, the demo's simulated runner)
 * puts everything after it, as it should.
 */
export function millisOf(timestamp: string): number {
  const leap = timestamp.slice(17, 19) === "60";
  return leap ? Date.parse(`${timestamp.slice(0, 17)}59${timestamp.slice(19)}`) + 1000 : Date.parse(timestamp);
}
