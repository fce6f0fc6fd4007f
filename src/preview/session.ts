/**
 * A preview session: a fresh in-memory Excel host, the Excel gateway over it and the task pane's
 * actions - exactly what runs in Excel, with the host swapped.
 *
 * The in-memory host stores formulas but does not calculate them. So that the preview behaves
 * like Excel (the impact map's Impact value, later views reading results), the session
 * recalculates the workbook's simple formulas after every change (see formula-preview.ts).
 */
import { createLazyExcelGateway } from "../taskpane/lazy-gateway";
import { MemoryExcelHost, type CellRecord, type WorkbookModel } from "../memory-host";
import { createTaskPaneActions, type TaskPaneActions } from "../taskpane/actions";
import { evaluateFormula } from "./formula-preview";
import { modelContext } from "./model-formulas";

/** What the preview needs from the in-memory host: run, subscribe, userEdit and its workbook model. */
export type PreviewHost = MemoryExcelHost;

export interface NewSession {
  host: PreviewHost;
  actions: TaskPaneActions;
  label: string;
}

const EVERYWHERE = { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 };

/** Works out every formula cell Excel would (for the formulas formula-preview understands). Returns true when anything changed. */
export function recalculate(workbook: WorkbookModel): boolean {
  let changed = false;
  // Two passes let a formula that reads another formula's result settle.
  for (let pass = 0; pass < 2; pass++) {
    for (const sheet of workbook.sheets) {
      const formulas: [CellRecord, string, number, number][] = [];
      sheet.forEachStored(EVERYWHERE, (cell, row, col) => {
        if (cell.formula !== undefined) formulas.push([cell, cell.formula, row, col]);
      });
      if (formulas.length === 0) continue;
      const context = modelContext(workbook, sheet);
      for (const [cell, formula, row, col] of formulas) {
        context.row = row;
        context.col = col;
        const value = evaluateFormula(formula, context);
        if (value !== undefined && cell.calculated !== value) {
          cell.calculated = value;
          changed = true;
        }
      }
    }
  }
  if (changed) workbook.touch();
  return changed;
}

/** A new in-memory host. `latencyMs` delays each sync, so the preview feels like Excel (and progress can be watched). */
export function newHost(latencyMs = 40): PreviewHost {
  const host = new MemoryExcelHost({ latencyMs });
  // Registered first, so the workbook is calculated before the grid redraws.
  host.subscribe((change) => {
    if (change.kind !== "calculated") recalculate(host.workbook);
  });
  return host;
}

export async function createSession(kind: "empty" | "sample", onProgress: (step: string) => void = () => undefined, latencyMs?: number): Promise<NewSession> {
  const host = newHost(latencyMs);
  if (kind === "empty") {
    const gateway = createLazyExcelGateway(host);
    return { host, actions: createTaskPaneActions(gateway), label: "New workbook" };
  }
  const { buildSampleReturn, SAMPLE_ORGANISATION, SAMPLE_CODE, SAMPLE_TODAY } = await import(/* webpackChunkName: "sample-return" */ "./sample-return");
  // The sample is a 2020 return: the session's clock stands in that summer, so its months are
  // due (or not) as they were for the officer filling it, not overdue by years.
  const today = () => {
    const now = new Date();
    return new Date(SAMPLE_TODAY.getFullYear(), SAMPLE_TODAY.getMonth(), SAMPLE_TODAY.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
  };
  const gateway = createLazyExcelGateway(host, { today });
  const actions = createTaskPaneActions(gateway, today);
  await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values), onProgress);
  return { host, actions, label: `Sample return: ${SAMPLE_ORGANISATION} (${SAMPLE_CODE})` };
}
