/**
 * The `impact-returns` command line (bin/impact-returns.js calls main). It dispatches to the
 * commands in ./commands and turns the errors people can fix (bad arguments, unusable files,
 * invalid frameworks) into a short message and exit code 2; anything else is a fault in the
 * tool (exit 3), shown without a stack trace unless IMPACT_RETURNS_DEBUG is set.
 */
import { FrameworkError } from "../core/framework/error";
import { TOOL_VERSION } from "../core/version";
import { FileProblem } from "../xlsx/problem";
import { EXIT, InputError, processIO, UsageError, type CliIO } from "./command";
import { safeLine } from "./text";
import { COMMANDS, type CommandEntry } from "./commands";

const TOOL = "impact-returns";

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `${TOOL} ${TOOL_VERSION}: community investment monthly returns workbooks

Usage: ${TOOL} <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`).join("\n")}

Options:
  -h, --help      Show this help; '${TOOL} <command> --help' shows a command's options.
  -V, --version   Show the version.

Exit codes: 0 done; 1 problems found in a workbook; 2 bad arguments or unusable input; 3 a fault in the tool.
`;
}

function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Runs the tool with the arguments after the program name; resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(toolHelp());
    return EXIT.usage;
  }
  if (first === "-h" || first === "--help" || first === "help") {
    const command = rest[0] === undefined ? undefined : findCommand(rest[0]);
    io.stdout(command ? command.load().help() : toolHelp());
    return EXIT.ok;
  }
  if (first === "-V" || first === "--version") {
    io.stdout(`${TOOL} ${TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  const command = findCommand(first);
  if (!command) {
    const what = first.startsWith("-") ? `unknown option '${first}'` : `unknown command '${first}'`;
    io.stderr(`${TOOL}: ${what}. Commands: ${COMMANDS.map((c) => c.name).join(", ")}. Run '${TOOL} --help' for help.\n`);
    return EXIT.usage;
  }
  const prefix = `${TOOL} ${command.name}`;
  const debug = Boolean(process.env.IMPACT_RETURNS_DEBUG);
  try {
    return await command.load().run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${safeLine(`${prefix}: ${error.message}. Run '${prefix} --help' for help.`)}\n`);
      return EXIT.usage;
    }
    if (error instanceof FileProblem || error instanceof InputError) {
      io.stderr(`${safeLine(`${prefix}: ${error.message}`)}\n`);
      if (debug && error instanceof FileProblem && error.detail) io.stderr(`  (detail: ${safeLine(error.detail)})\n`);
      return EXIT.usage;
    }
    if (error instanceof FrameworkError) {
      // One line for the file, then one line a fault, each made safe for the terminal.
      const [first = "", ...faults] = error.message.split("\n");
      io.stderr(`${[safeLine(`${prefix}: ${first}`), ...faults.map((f) => `  ${safeLine(f)}`)].join("\n")}\n`);
      return EXIT.usage;
    }
    io.stderr(`${prefix}: unexpected failure inside the tool (not a problem with your files). Please report it; set IMPACT_RETURNS_DEBUG=1 to see the details.\n`);
    if (debug) io.stderr(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    return EXIT.failure;
  }
}
