/**
 * A preview session: a fresh in-memory Excel host, the Excel gateway over it and the task pane's
 * actions - exactly what runs in Excel, with the host swapped.
 *
 * The in-memory host stores formulas but does not calculate them. So that the preview behaves
 * like Excel (the impact map's Impact value, later views reading results), the session
 * recalculates the workbook's simple formulas after every change (see formula-preview.ts).
 */
import { createLazyExcelGateway } from "../taskpane/lazy-gateway";
import { MemoryExcelHost, type CellRecord, type WorkbookModel, type WorkbookSnapshot } from "../memory-host";
import { createTaskPaneActions, type TaskPaneActions } from "../taskpane/actions";
import { evaluateFormula } from "./formula-preview";
import { modelContext } from "./model-formulas";
import type { WorkbookOrigin } from "./saved-workbook";
import { contentKey } from "./work-at-risk";

/** What the preview needs from the in-memory host: run, subscribe, userEdit and its workbook model. */
export type PreviewHost = MemoryExcelHost;

export interface NewSession {
  host: PreviewHost;
  actions: TaskPaneActions;
  label: string;
  /** What the workbook was first (the sample keeps its clock when restored). */
  origin: WorkbookOrigin;
  /** The workbook's content as opened (`contentKey`), or undefined when it is the user's work from the start. */
  opened: string | undefined;
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

/** The sample return's clock: its session stands in the summer of 2020. */
async function sampleClock(): Promise<() => Date> {
  const { SAMPLE_TODAY } = await import(/* webpackChunkName: "sample-return" */ "./sample-return");
  // The sample is a 2020 return: the session's clock stands in that summer, so its months are
  // due (or not) as they were for the officer filling it, not overdue by years.
  return () => {
    const now = new Date();
    return new Date(SAMPLE_TODAY.getFullYear(), SAMPLE_TODAY.getMonth(), SAMPLE_TODAY.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
  };
}

function sessionOn(host: PreviewHost, origin: WorkbookOrigin, today: (() => Date) | undefined, label: string): NewSession {
  const gateway = createLazyExcelGateway(host, today ? { today } : undefined);
  return { host, actions: createTaskPaneActions(gateway, today), label, origin, opened: contentKey(host.snapshot()) };
}

export async function createSession(kind: WorkbookOrigin, onProgress: (step: string) => void = () => undefined, latencyMs?: number): Promise<NewSession> {
  const host = newHost(latencyMs);
  if (kind === "empty") return sessionOn(host, "empty", undefined, "New workbook");
  const { buildSampleReturn, SAMPLE_ORGANISATION, SAMPLE_CODE } = await import(/* webpackChunkName: "sample-return" */ "./sample-return");
  const today = await sampleClock();
  const gateway = createLazyExcelGateway(host, { today });
  await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values), onProgress);
  return sessionOn(host, "sample", today, `Sample return: ${SAMPLE_ORGANISATION} (${SAMPLE_CODE})`);
}

/**
 * A session over a workbook kept earlier (from this browser, or the one before a replacement):
 * the snapshot loaded into a new host, with the clock of what it was first. `opened` is left
 * undefined, so replacing it asks first: it is the user's work from the start.
 */
export async function restoreSession(work: { origin: WorkbookOrigin; workbook: WorkbookSnapshot }, latencyMs?: number): Promise<NewSession> {
  const host = newHost(latencyMs);
  host.seed(work.workbook);
  if (work.origin === "empty") return { ...sessionOn(host, "empty", undefined, "Your workbook"), opened: undefined };
  const { SAMPLE_ORGANISATION, SAMPLE_CODE } = await import(/* webpackChunkName: "sample-return" */ "./sample-return");
  return { ...sessionOn(host, "sample", await sampleClock(), `Sample return: ${SAMPLE_ORGANISATION} (${SAMPLE_CODE})`), opened: undefined };
}
