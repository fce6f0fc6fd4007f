/**
 * Parsing framework definitions, with the validator (zod, in ./load.ts and ./schema.ts) loaded
 * the first time a definition is parsed. The built-in frameworks never need it (./builtin.ts), and
 * loading it cost a command-line check more than reading and checking the return did. The pane
 * fetches ./load.ts itself, as its own chunk, when a framework file is chosen.
 */
import type * as Validator from "./load";
import type { Framework } from "./schema";

let validator: typeof Validator | undefined;

function loaded(): typeof Validator {
  // Synchronous on purpose, and only on first use: import() would make every check asynchronous.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (validator ??= require("./load") as typeof Validator);
}

/** Validates an already-parsed JSON value as a framework. Throws FrameworkError. */
export function parseFramework(value: unknown, source: string): Framework {
  return loaded().parseFramework(value, source);
}

/** Parses framework JSON text (from a file the user chose). Throws FrameworkError. */
export function parseFrameworkText(text: string, source: string): Framework {
  return loaded().parseFrameworkText(text, source);
}
