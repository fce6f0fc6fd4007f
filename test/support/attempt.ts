/** Running one batch against the in-memory host when the test expects it may be refused. */
import type { MemoryExcelHost } from "../../src/memory-host";

/** What a refused batch rejects with: Office.js's error code and message. */
export interface HostError {
  code?: string;
  message?: string;
}

/** Queues `batch` and syncs it: resolves to the error the sync (or the batch) failed with, or undefined when it went through. */
export function attempt(host: MemoryExcelHost, batch: (context: Excel.RequestContext) => void): Promise<HostError | undefined> {
  return host
    .run(async (context) => {
      batch(context);
      await context.sync();
    })
    .then(
      () => undefined,
      (error: unknown) => error as HostError,
    );
}
