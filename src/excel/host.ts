/**
 * What the gateway needs from Excel: a way to run a batch and to ask which API sets exist.
 * In Office this is Excel.run itself; in tests and the browser preview it is the in-memory host.
 */

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface ExcelHost {
  run<T>(batch: ExcelBatch<T>): Promise<T>;
  /** Excel.run(context, batch): goes on with an earlier batch's context (to remove an event handler). */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: ExcelBatch<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * Excel.createWorkbook (ExcelApi 1.8): opens a new, blank workbook in a window of its own. This
   * add-in stays with the workbook it was opened in. Absent where a host cannot open one.
   */
  createWorkbook?(): Promise<void>;
}

/** The real Excel, for code running inside Office after Office.onReady reported the Excel host. */
export function officeExcelHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    runIn: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    createWorkbook: () => Excel.createWorkbook(),
  };
}

/** The ExcelApi requirement set the add-in needs as a minimum (declared in manifest.xml). */
export const MINIMUM_EXCEL_API = "1.9";
