/**
 * What every `impact-returns` command shares: the command shape the dispatcher in main.ts runs,
 * exit codes, output streams, and defineCommand: option parsing (with -h/--help) and plain-English usage errors.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** Exit codes, the same for every command (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The command ran and found problems in a workbook (check). */
  problems: 1,
  /** Bad arguments or unusable input: a message says what to change. */
  usage: 2,
  /** A fault in the tool itself. */
  failure: 3,
} as const;

/** Where a command writes. Text is written as given: end lines with "\n". */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

export interface Command {
  /** As typed: `impact-returns <name>`. */
  name: string;
  /** The command's full help (its usage, options and examples). */
  help(): string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Bad arguments: main prints the message on one line and exits with EXIT.usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Unusable input that is not a file problem (a value too long for a cell...): main prints the message as it is and exits with EXIT.usage. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The option every command takes. */
const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

/** The values util.parseArgs gives for `O` (and --help). */
export type OptionValues<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP_OPTION; strict: true; allowPositionals: true }>>["values"];

export interface CommandSpec<O extends Options> {
  name: string;
  help(): string;
  /** Whether it takes arguments, the files to read (the default); when not, an argument is a usage error. */
  takesFiles?: boolean;
  /** Runs with the options' values and the arguments; resolves to the exit code. */
  run(values: OptionValues<O>, files: string[], io: CliIO): Promise<number>;
}

/**
 * A command from its options (util.parseArgs's, strict) and what it does with them. Every command
 * also takes -h/--help, which prints its help; parse errors become short UsageErrors.
 */
export function defineCommand<const O extends Options>(options: O, spec: CommandSpec<O>): Command {
  const { name, help, takesFiles = true } = spec;
  return {
    name,
    help,
    async run(args, io) {
      const parsed = explained(() => parseArgs({ args, options: { ...options, ...HELP_OPTION }, strict: true, allowPositionals: takesFiles }));
      const values = parsed.values as OptionValues<O>;
      if ((values as { help?: boolean }).help) {
        io.stdout(help());
        return EXIT.ok;
      }
      return spec.run(values, parsed.positionals, io);
    },
  };
}

function explained<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option '${option ?? message}'`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument '${/'([^']*)'/.exec(message)?.[1] ?? message}' (values go after their option, e.g. --out return.xlsx)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(message)) return `option '${option}' does not take a value`;
      return `option '${option}' needs a value`;
    default:
      return message.split("\n")[0] ?? message;
  }
}
