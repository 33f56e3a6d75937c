const kept: unknown[] = [];

/**
 * Keeps one instance of a class made once per validation or binding alive for the life of the
 * module. Why: the engine keeps the shape of such objects only while one of them lives; when a
 * garbage collection takes the last, it throws away every optimized function that read one, and
 * the next document runs slow code until they are optimized again (measured: the consistency pass a
 * third slower when collections fall between traces, as they do in a service).
 */
export function keepShape(instance: object): void {
  kept.push(instance);
}
