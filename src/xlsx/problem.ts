/** FileProblem: a file that cannot be read or written, with a message for the person who chose it. */

export type FileProblemKind =
  | "not-found"
  | "not-a-file"
  | "unreadable"
  | "empty"
  | "old-xls"
  | "encrypted"
  | "not-xlsx"
  | "damaged"
  | "too-large"
  | "exists"
  | "no-folder"
  | "unwritable";

/** A file that cannot be read or written, with a message for the person who chose it (naming the file). */
export class FileProblem extends Error {
  constructor(
    /** The file as the person named it. */
    readonly file: string,
    readonly kind: FileProblemKind,
    message: string,
    /** What the library or system said, for IMPACT_RETURNS_DEBUG; never shown otherwise. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "FileProblem";
  }
}

/**
 * The last net when reading a workbook fails in a way nothing else named (a bug, or contents no
 * check foresaw): one sentence naming the file, and the next step.
 */
export function unreadableContentsMessage(file: string): string {
  return `'${file}' could not be read: its contents are not laid out as a return workbook's are. Open it in Excel, save a fresh copy and try again.`;
}

/** The text of an error, whatever was thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return "unknown error";
  }
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** A workbook that passed the zip guard but whose contents could not be read (by exceljs, or by the package reader in ./package/). */
export function unreadableWorkbook(file: string, error: unknown): FileProblem {
  return new FileProblem(
    file,
    "damaged",
    `'${file}' looks like an Excel workbook but could not be read: a part of it is damaged or was written by a program that does not follow the format. Open it in Excel, save a fresh copy and try again.`,
    errorText(error),
  );
}
