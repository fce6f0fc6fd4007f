/**
 * A framework's reflection prompts (`reflectionPrompts`, docs/framework-format.md): optional, the
 * standard four when absent, checked on load; Set up offers a framework's own for each month.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_FRAMEWORK_ID, findBuiltinFramework, FrameworkError, parseFrameworkText, reflectionPromptsOf, STANDARD_REFLECTION_PROMPTS } from "../../src/core/framework";
import { excelSerial } from "../../src/core/calendar";
import { planSetup } from "../../src/core/setup/plan";
import type { WorkbookOperation } from "../../src/core/workbook/types";

const small = readFileSync(join(__dirname, "..", "fixtures", "frameworks", "small.json"), "utf8");
const withPrompts = (prompts: unknown) => JSON.stringify({ ...(JSON.parse(small) as object), reflectionPrompts: prompts });

function problemsOf(text: string): string[] {
  try {
    parseFrameworkText(text, "test.json");
  } catch (error) {
    if (error instanceof FrameworkError) return error.problems;
    throw error;
  }
  return [];
}

describe("reflectionPrompts", () => {
  it("is optional: the built-in framework and any framework without it offer the four standard prompts", () => {
    expect(reflectionPromptsOf(findBuiltinFramework(DEFAULT_FRAMEWORK_ID)!)).toEqual([
      "What have we learnt?",
      "What have we changed that we would keep?",
      "What could we improve?",
      "What are residents telling us?",
    ]);
    expect(reflectionPromptsOf(parseFrameworkText(small, "small.json"))).toBe(STANDARD_REFLECTION_PROMPTS);
    expect(reflectionPromptsOf(parseFrameworkText(withPrompts([]), "none.json"))).toEqual([]);
  });

  it("is checked: text of 1 to 200 characters, at most 20, no two the same", () => {
    expect(problemsOf(withPrompts(["What went well?", " what  WENT well? "]))).toEqual(['reflectionPrompts[1]: duplicates reflectionPrompts[0] ("what  WENT well?")']);
    expect(problemsOf(withPrompts(["   "]))).toEqual(["reflectionPrompts[0]: must not be empty"]);
    expect(problemsOf(withPrompts(["x".repeat(201)]))).toEqual(["reflectionPrompts[0]: must be at most 200 characters"]);
    expect(problemsOf(withPrompts(Array.from({ length: 21 }, (_, i) => `Prompt ${i}?`)))).toEqual(["reflectionPrompts: must list at most 20 prompts (each is offered for every month)"]);
  });

  it("Set up offers a framework's own prompts for each of the twelve months", () => {
    const framework = parseFrameworkText(withPrompts(["What went well?", "What did residents say?"]), "own.json");
    const plan = planSetup({ sheets: [], tables: [] }, framework, {}, { year: 2024, month: 4 });
    const table = plan.operations.find((o): o is Extract<WorkbookOperation, { kind: "addTable" }> => o.kind === "addTable" && o.table === "Reflections")!;
    expect(table.headers).toEqual(["Month", "Prompt", "Reflection", "Share with the centre"]);
    expect(table.rows.slice(0, 3)).toEqual([
      [excelSerial(2024, 4, 1), "What went well?", null, "No"],
      [excelSerial(2024, 4, 1), "What did residents say?", null, "No"],
      [excelSerial(2024, 5, 1), "What went well?", null, "No"],
    ]);
    expect(table.rows.slice(22, 24)).toEqual([
      [excelSerial(2025, 3, 1), "What went well?", null, "No"],
      [excelSerial(2025, 3, 1), "What did residents say?", null, "No"],
    ]);
    expect(table.rows).toHaveLength(24 + 20);
    expect(plan.changes.find((c) => c.sheet === "Reflections")?.detail).toBe("reflections: 2 prompts for each month, room for 20 more of your own");
  });
});
