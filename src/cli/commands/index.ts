/**
 * The commands of `impact-returns`, in the order its help lists them. To add one, write
 * src/cli/commands/<name>.ts exporting a Command (see ../command.ts) and add it here.
 */
import type { Command } from "../command";
import { checkCommand } from "./check";
import { collateCommand } from "./collate";
import { summaryCommand } from "./summary";
import { templateCommand } from "./template";

export const COMMANDS: readonly Command[] = [templateCommand, checkCommand, summaryCommand, collateCommand];
