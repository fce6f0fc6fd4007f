/** The sector workbook's sheets are defined in src/core/sheets/sector.ts; this path keeps their imports working. */
export * from "../sheets/sector";
