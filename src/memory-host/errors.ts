/// <reference types="office-js" />
/**
 * Errors shaped like the ones Office.js raises (`OfficeExtension.Error`): a `code`, a `message`
 * and `debugInfo: { code, message, errorLocation }`. The `name` is "RichApi.Error", as in Office.
 */

/** The error codes this host raises. All are codes that Office itself uses. */
export type OfficeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InsertDeleteConflict"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RangeExceedsLimit"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  | "UnsupportedOperation"
  | "ValueNotLoaded";

/** Office's standard (English) message for each code. */
const STANDARD_MESSAGES: Record<OfficeErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The requested API is not available.",
  GeneralException: "There was an internal error while processing the request.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  UnsupportedOperation: "The operation being attempted is not supported.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

/** Messages Excel gives for specific situations (the code stays one of the standard ones). */
export const MESSAGES = {
  protectedSheet:
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  shapeMismatch:
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  duplicateName: "A resource with the same name or identifier already exists.",
  lastVisibleSheet: "A workbook must contain at least one visible worksheet.",
  formulaTooLong: "The formula is too long: conditional formats take at most 255 characters.",
  alreadyProtected: "The worksheet is already protected. Unprotect it first.",
  wrongPassword:
    "The password you supplied is not correct. Verify that the CAPS LOCK key is off and be sure to use the correct capitalization.",
  tableOverlap: "A table can't overlap another table.",
  shiftTable: "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.",
} as const;

/** Shape of `OfficeExtension.DebugInfo`. */
export interface OfficeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

/**
 * An error as Office raises it. `instanceof OfficeExtension.Error` cannot hold outside Office, so
 * callers should test `code` (as Office's own guidance recommends).
 */
export class OfficeHostError extends Error {
  override name = "RichApi.Error";
  readonly code: OfficeErrorCode;
  readonly debugInfo: OfficeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly httpStatusCode: number;

  constructor(code: OfficeErrorCode, message?: string, errorLocation?: string) {
    const text = message ?? STANDARD_MESSAGES[code];
    super(text);
    this.code = code;
    this.httpStatusCode = code === "ApiNotFound" || code === "ItemNotFound" ? 404 : 400;
    this.debugInfo = { code, message: text };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
  }

  /** Returns a copy located at `errorLocation` (used when an engine error surfaces in a batch). */
  at(errorLocation: string): OfficeHostError {
    if (this.debugInfo.errorLocation !== undefined) return this;
    return new OfficeHostError(this.code, this.message, errorLocation);
  }
}

/** Creates an Office-shaped error. */
export function officeError(code: OfficeErrorCode, message?: string, errorLocation?: string): OfficeHostError {
  return new OfficeHostError(code, message, errorLocation);
}

export function isOfficeHostError(error: unknown): error is OfficeHostError {
  return error instanceof OfficeHostError;
}

/** Office's PropertyNotLoaded error for `Type.property`. */
export function propertyNotLoaded(typeName: string, property: string): OfficeHostError {
  return new OfficeHostError(
    "PropertyNotLoaded",
    STANDARD_MESSAGES.PropertyNotLoaded.replace("{0}", property),
    `${typeName}.${property}`,
  );
}

/** Office's ApiNotFound error, raised synchronously when a member's requirement set is missing. */
export function apiNotFound(member: string, version: string): OfficeHostError {
  return new OfficeHostError(
    "ApiNotFound",
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    member,
  );
}

/**
 * Raised (synchronously) when code touches something the memory host does not implement. It is a
 * plain `Error`, not an Office error, so that tests never mistake a missing feature for Excel's
 * behaviour.
 */
export class NotImplementedByHostError extends Error {
  override name = "NotImplementedByHostError";
  constructor(member: string) {
    super(`Memory Excel host: ${member} is not implemented`);
  }
}
