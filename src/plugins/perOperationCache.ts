import type { OperationDefinitionNode } from 'graphql';

/**
 * A cache of what an operation works out to under a key (its variables, its caller), at most
 * `perOperation` keys per operation, the oldest dropped first. Apollo keeps one parsed document per
 * query text, so the operation node identifies the query, and the WeakMap lets a document Apollo
 * drops take its entries with it.
 */
export function perOperationCache<T>(
  perOperation: number,
): (operation: OperationDefinitionNode, key: string, compute: () => T) => T {
  const byOperation = new WeakMap<OperationDefinitionNode, Map<string, T>>();
  return (operation, key, compute) => {
    let entries = byOperation.get(operation);
    if (!entries) {
      entries = new Map();
      byOperation.set(operation, entries);
    }
    if (entries.has(key)) return entries.get(key) as T;
    const value = compute();
    if (entries.size >= perOperation) entries.delete(entries.keys().next().value as string);
    entries.set(key, value);
    return value;
  };
}
