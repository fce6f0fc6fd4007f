/**
 * The Excel gateway as the task pane uses it: reading the workbook comes with the first paint;
 * Set up's plan, Check, Summarise and Collate (their engines, the sector plan, charts, pivots) are
 * fetched as a chunk each the first time they are used. The command line and tests use
 * createExcelGateway, whose parts are loaded with it.
 */
import { assembleExcelGateway, type ExcelGateway } from "../excel/gateway";
import type { ExcelHost } from "../excel/host";

export function createLazyExcelGateway(excel: ExcelHost, clock: { today?: () => Date } = {}): ExcelGateway {
  return assembleExcelGateway(excel, clock, {
    setup: () => import(/* webpackChunkName: "setup-gateway" */ "../excel/setup"),
    check: () => import(/* webpackChunkName: "check-gateway" */ "../excel/check"),
    summarise: () => import(/* webpackChunkName: "summarise-gateway" */ "../excel/summarise"),
    collate: () => import(/* webpackChunkName: "collate-gateway" */ "../excel/collate"),
  });
}
