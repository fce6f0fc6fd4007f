/**
 * The commands of `impact-returns`, in the order its help lists them: each named with its line of
 * help here, and its module loaded only when it runs (a command's libraries - exceljs, the sector
 * writer, the framework validator - cost a start-up more than a check's whole work). To add one,
 * write src/cli/commands/<name>.ts exporting a Command (see ../command.ts) and add it here.
 */
import type { Command } from "../command";
import type * as Check from "./check";
import type * as Collate from "./collate";
import type * as Summary from "./summary";
import type * as Template from "./template";

export interface CommandEntry {
  /** As typed: `impact-returns <name>`. */
  name: string;
  /** One line for the tool's help. */
  summary: string;
  /** The command itself, its module loaded on first use. */
  load(): Command;
}

/** Requires a command module when it is run (require, not import(): import() would also start Node's ES module loader). */
function lazily(load: () => Command): () => Command {
  let command: Command | undefined;
  return () => (command ??= load());
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on use, see lazily */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "template", summary: "Write a new, empty returns workbook (.xlsx) set up for a framework", load: lazily(() => (require("./template") as typeof Template).templateCommand) },
  { name: "check", summary: "Check returns workbooks against their framework; report errors and warnings by sheet and cell", load: lazily(() => (require("./check") as typeof Check).checkCommand) },
  { name: "summary", summary: "Write a board summary of a return (.xlsx): key figures, social value, stories and charts", load: lazily(() => (require("./summary") as typeof Summary).summaryCommand) },
  { name: "collate", summary: "Collate many organisations' returns into a sector workbook: statuses, totals, coverage, revisions, chase list", load: lazily(() => (require("./collate") as typeof Collate).collateCommand) },
];
/* eslint-enable @typescript-eslint/no-require-imports */
