/** Frameworks shipped with the tool, looked up by id (and optionally version). */
import communityInvestmentMonthlyV1 from "./builtin/community-investment-monthly.v1.json";
import type { Framework } from "./schema";

/**
 * Each built-in is stored as the schema reads it, every default written out: a test parses each
 * with the schema and requires the same object back, so the task pane can list them at start
 * without the schema's validator (zod), which it fetches only when a framework file is chosen.
 */
export const BUILTIN_FRAMEWORK_DEFINITIONS: readonly unknown[] = [communityInvestmentMonthlyV1];

/** Every built-in framework (valid and complete by the test above). */
export function builtinFrameworks(): Framework[] {
  return BUILTIN_FRAMEWORK_DEFINITIONS as Framework[];
}

export const DEFAULT_FRAMEWORK_ID = "community-investment-monthly";

/** The built-in framework with this id: the given version, or the latest one. */
export function findBuiltinFramework(id: string, version?: number): Framework | undefined {
  const matches = builtinFrameworks()
    .filter((framework) => framework.id === id && (version === undefined || framework.version === version))
    .sort((a, b) => b.version - a.version);
  return matches[0];
}

/** Whether two JSON values are the same: the same primitives, arrays item by item, objects key by key. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && sameJson(x[key], y[key]));
}

/**
 * The built-in framework a definition (parsed JSON, as Set up stores it in a workbook) is, exactly,
 * if it is one. Each built-in is stored as the schema reads it, so such a definition needs no
 * validation (and the validator is not loaded for it).
 */
export function builtinDefinedBy(value: unknown): Framework | undefined {
  return builtinFrameworks().find((framework) => sameJson(value, framework));
}
