import { IssueCollector, prefixIssues, resolveLimits, scanDocument, schemaIssues, type SchemaValidator, type ValidationLimits, type ValidationOptions } from "@graphenix/core";

/**
 * The scan, then `withinLimits` (a document-level limit such as the node count, decided before the
 * schema), then the schema; its issues go into `issues` under `prefix`. True when no error.
 */
export function schemaCheck(document: unknown, schema: SchemaValidator, issues: IssueCollector, prefix: readonly (string | number)[], options?: ValidationOptions, withinLimits?: (document: unknown, limits: ValidationLimits, local: IssueCollector) => boolean): boolean {
  const limits = resolveLimits(options);
  const local = new IssueCollector(limits.maxIssues);
  if (scanDocument(document, limits, { credentials: true }, local) && (withinLimits?.(document, limits, local) ?? true) && !schema(document)) {
    for (const issue of schemaIssues(schema.errors, document)) local.push(issue);
  }
  issues.pushAll(prefixIssues(prefix, local.finish()));
  return local.errorCount === 0;
}
