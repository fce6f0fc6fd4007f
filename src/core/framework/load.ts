/** Parsing and validating framework definitions, with errors that name the path of each fault. */
import type { z } from "zod";
import { FrameworkError } from "./error";
import { frameworkSchema, type Framework } from "./schema";

export { FrameworkError };

/** Formats a zod path the way a person reads JSON: measures[3].unit */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") {
      text += `[${part}]`;
    } else {
      text += text === "" ? String(part) : `.${String(part)}`;
    }
  }
  return text === "" ? "(top level)" : text;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_type": {
      const received = (issue as { input?: unknown }).input;
      return received === undefined ? `is required (expected ${issue.expected})` : `expected ${issue.expected}, received ${describeValue(received)}`;
    }
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "too_small":
      if (issue.origin === "array" && issue.message.startsWith("Too small")) return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}`;
      return issue.message;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Validates an already-parsed JSON value as a framework. Throws FrameworkError. */
export function parseFramework(value: unknown, source: string): Framework {
  const result = frameworkSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`);
    throw new FrameworkError(source, problems);
  }
  return result.data;
}

/** Parses framework JSON text (from a file the user chose). Throws FrameworkError. */
export function parseFrameworkText(text: string, source: string): Framework {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FrameworkError(source, [`not valid JSON (${detail})`]);
  }
  return parseFramework(value, source);
}
