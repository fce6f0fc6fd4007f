/**
 * The measurement framework. Nothing here loads the validator (zod) until a definition is parsed
 * (./parse.ts): the built-in frameworks are stored as the schema reads them.
 */
export type { Breakdown, Framework, FrameworkInput, Measure, MeasureKind, Submission, Unit } from "./schema";
export * from "./constants";
export { FrameworkError } from "./error";
export { parseFramework, parseFrameworkText } from "./parse";
export * from "./builtin";
export * from "./reflection-prompts";
/** When returns are due (worked out in the calendar, ../calendar.ts), for callers that have a framework. */
export { DEFAULT_DUE_DAY, dueDate, isoDate, isoMonth, isOverdue } from "../calendar";
