/** Turns anything thrown by an action into what the pane shows: plain English, never a stack trace. */
import { FrameworkError } from "../core/framework/error";
import { UserFacingError } from "../excel/errors";

export interface DisplayError {
  /** What failed, in a sentence. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Individual problems, one a line (e.g. each fault in a framework file). */
  lines?: string[];
}

/** `action` names what the user was doing, e.g. "Reviewing the changes", for errors that do not say. */
export function describeError(error: unknown, action: string): DisplayError {
  if (error instanceof UserFacingError) return { message: error.message, hint: error.hint };
  if (error instanceof FrameworkError) {
    return {
      message: `${error.source} is not a valid framework file.`,
      hint: "Fix these problems in the file (or ask whoever sent it), then choose it again:",
      lines: error.problems,
    };
  }
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  // Only the first line, and only when short: no stack traces or object dumps.
  const first = raw.split("\n")[0]?.trim() ?? "";
  const reason = first !== "" && first.length <= 200 ? ` ${first.endsWith(".") ? first : `${first}.`}` : "";
  return {
    message: `${action} could not finish.${reason}`,
    hint: "Try again. If it keeps happening, save the workbook, close and reopen it, then try once more.",
  };
}
