/** The summary sheets are defined in src/core/sheets/summary.ts; this path keeps their imports working. */
export * from "../sheets/summary";
