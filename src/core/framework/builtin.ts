/** Frameworks shipped with the tool, looked up by id (and optionally version). */
import communityInvestmentMonthlyV1 from "./builtin/community-investment-monthly.v1.json";
import { parseFramework } from "./load";
import type { Framework } from "./schema";

const definitions: readonly unknown[] = [communityInvestmentMonthlyV1];

let cache: Framework[] | undefined;

/** Every built-in framework, validated (a broken built-in is a programming error and throws). */
export function builtinFrameworks(): Framework[] {
  cache ??= definitions.map((definition, index) => parseFramework(definition, `built-in framework #${index + 1}`));
  return cache;
}

export const DEFAULT_FRAMEWORK_ID = "community-investment-monthly";

/** The built-in framework with this id: the given version, or the latest one. */
export function findBuiltinFramework(id: string, version?: number): Framework | undefined {
  const matches = builtinFrameworks()
    .filter((framework) => framework.id === id && (version === undefined || framework.version === version))
    .sort((a, b) => b.version - a.version);
  return matches[0];
}
