/** Turns Office.js failures into plain-English messages: what failed and what to do, never a stack trace. */

/** A failure the task pane can show as it is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

const HINTS: Record<string, string> = {
  AccessDenied: "A sheet is protected or the workbook is read-only. Unprotect the sheet (Review > Unprotect Sheet) or save a copy you can edit, then try again.",
  InvalidOperationInCellEditMode: "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
  ItemAlreadyExists: "Something with the same name already exists in the workbook. Rename it, then try again.",
  ItemNotFound: "A sheet or table Impact Returns expected has been renamed or removed. Run Set up again to restore it.",
  RequestPayloadSizeLimitExceeded: "The workbook is too large for Excel on the web to change in one go. Try in Excel on the desktop.",
  ApiNotFound: "This version of Excel is too old for this action. Update Office, or use Excel on the web.",
  GeneralException: "Excel could not finish. Save the workbook, close and reopen it, then try again.",
};

/** Wraps any error thrown by Excel.run into a UserFacingError for `action` (e.g. "Set up"). */
export function toUserFacingError(action: string, error: unknown): UserFacingError {
  if (error instanceof UserFacingError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as OfficeLikeError;
  const code = typeof e.code === "string" ? e.code : "";
  const reason = typeof e.message === "string" && e.message.trim() !== "" ? e.message.trim() : "Excel reported an unexpected problem.";
  const hint = HINTS[code] ?? "Try again. If it keeps happening, save the workbook, reopen it and run the action once more.";
  return new UserFacingError(`${action} could not finish: ${reason}`, hint);
}

/** Runs a batch, turning Office's errors into a UserFacingError that names the action. */
export async function runAction<T>(host: { run<R>(batch: (context: Excel.RequestContext) => Promise<R>): Promise<R> }, action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await host.run(batch);
  } catch (error) {
    throw toUserFacingError(action, error);
  }
}
