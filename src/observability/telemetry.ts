/**
 * Where the gateway's modules report what metrics count, without knowing about Prometheus:
 * DataLoader batches and exported rows. A server's metrics plugin adds a sink while it runs and
 * removes it on close; with no sink the reports cost a Set iteration.
 */
export interface TelemetrySink {
  /** One DataLoader batch function call of `size` keys, by loader name. */
  loaderBatch?(loader: string, size: number): void;
  /** Rows written to a streaming export or an export job's file. */
  exportRows?(kind: string, format: string, rows: number): void;
  /** A Redis call answered from this instance's memory instead (`use`: ratelimit, apq). */
  redisFallback?(use: string): void;
}

const sinks = new Set<TelemetrySink>();

/** Adds a sink; returns the function that removes it. */
export function addTelemetrySink(sink: TelemetrySink): () => void {
  sinks.add(sink);
  return () => sinks.delete(sink);
}

/** Reports one DataLoader batch. */
export function reportLoaderBatch(loader: string, size: number): void {
  for (const sink of sinks) sink.loaderBatch?.(loader, size);
}

/** Reports rows exported. */
export function reportExportRows(kind: string, format: string, rows: number): void {
  for (const sink of sinks) sink.exportRows?.(kind, format, rows);
}

/** Reports a Redis call answered from memory because Redis was slow or down. */
export function reportRedisFallback(use: string): void {
  for (const sink of sinks) sink.redisFallback?.(use);
}
