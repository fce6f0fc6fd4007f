export * from "./schema";
export * from "./load";
export * from "./builtin";
export * from "./reflection-prompts";
/** When returns are due (worked out in the calendar, ../calendar.ts), for callers that have a framework. */
export { DEFAULT_DUE_DAY, dueDate, isoDate, isoMonth, isOverdue } from "../calendar";
