import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BUILTIN_FRAMEWORK_DEFINITIONS,
  builtinDefinedBy,
  builtinFrameworks,
  DEFAULT_FRAMEWORK_ID,
  findBuiltinFramework,
  FrameworkError,
  MAX_GUIDANCE_LENGTH,
  parseFramework,
  parseFrameworkText,
} from "../../src/core/framework";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", "frameworks", name), "utf8");

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof FrameworkError) return error.problems;
    throw error;
  }
  throw new Error("expected a FrameworkError");
}

describe("built-in framework", () => {
  const framework = findBuiltinFramework(DEFAULT_FRAMEWORK_ID)!;

  it("is community-investment-monthly version 1 and valid", () => {
    expect(framework.id).toBe("community-investment-monthly");
    expect(framework.version).toBe(1);
    expect(builtinFrameworks()).toContain(framework);
  });

  it("is stored exactly as the schema reads it, every default written out (the pane lists it without the schema)", () => {
    BUILTIN_FRAMEWORK_DEFINITIONS.forEach((definition, index) => {
      expect(parseFramework(definition, `built-in framework #${index + 1}`)).toStrictEqual(definition);
    });
    expect(builtinFrameworks()).toEqual(BUILTIN_FRAMEWORK_DEFINITIONS);
  });

  it("recognises its own definition as stored in a workbook (any key order), and nothing else, without the validator", () => {
    const stored = JSON.parse(JSON.stringify(framework)) as Record<string, unknown>;
    expect(builtinDefinedBy(stored)).toBe(framework);
    const reordered = Object.fromEntries(Object.entries(stored).reverse());
    expect(builtinDefinedBy(reordered)).toBe(framework);
    expect(builtinDefinedBy({ ...stored, title: "Our own measures" })).toBeUndefined();
    expect(builtinDefinedBy({ ...stored, extra: 1 })).toBeUndefined();
    expect(builtinDefinedBy({ ...stored, measures: (stored.measures as unknown[]).slice(1) })).toBeUndefined();
    expect(builtinDefinedBy(null)).toBeUndefined();
    expect(builtinDefinedBy([stored])).toBeUndefined();
  });

  it("has flows and stocks, some with breakdowns, and guidance that fits an Excel prompt", () => {
    const kinds = new Set(framework.measures.map((m) => m.kind));
    expect(kinds).toEqual(new Set(["flow", "stock"]));
    expect(framework.measures.filter((m) => m.breakdowns.length > 0).length).toBeGreaterThanOrEqual(3);
    for (const m of framework.measures) expect(m.guidance.length).toBeLessThanOrEqual(MAX_GUIDANCE_LENGTH);
    expect(framework.measures.some((m) => m.unit === "gbp" && m.numberType === "decimal")).toBe(true);
    expect(framework.outcomeAreas.map((a) => a.name)).toEqual(
      expect.arrayContaining(["Social isolation", "Poverty", "Community cohesion", "Health and wellbeing", "Environment"]),
    );
  });

  it("applies defaults to optional fields", () => {
    const small = parseFrameworkText(fixture("small.json"), "small.json");
    const m = small.measures[0]!;
    expect(m).toMatchObject({ numberType: "whole", required: false, key: false, minimum: 0, breakdowns: [], breakdownsAddUp: true });
    expect(m.plausibility).toEqual({ outlierFactor: 5, ignoreBelow: 10 });
    expect(small.description).toBe("");
  });

  it("finds a version by number and the latest by default", () => {
    expect(findBuiltinFramework(DEFAULT_FRAMEWORK_ID, 1)?.version).toBe(1);
    expect(findBuiltinFramework(DEFAULT_FRAMEWORK_ID, 99)).toBeUndefined();
    expect(findBuiltinFramework("no-such-framework")).toBeUndefined();
  });
});

describe("framework validation errors name the path", () => {
  it("reports a bad unit with the allowed values", () => {
    expect(problemsOf(() => parseFrameworkText(fixture("bad-unit.json"), "bad-unit.json"))).toEqual([
      "measures[3].unit: expected one of count, gbp, hours, people",
    ]);
  });

  it("names the file in the error message", () => {
    expect(() => parseFrameworkText(fixture("bad-unit.json"), "my-framework.json")).toThrow(/^my-framework\.json is not a valid framework:\n {2}- measures\[3\]\.unit/);
  });

  it("reports missing fields, wrong types, unknown fields and bad codes", () => {
    const value = JSON.parse(fixture("small.json"));
    delete value.title;
    value.version = "1";
    value.measures[0].kind = "flux";
    value.measures[0].code = "visits";
    value.measures[0].colour = "red";
    const problems = problemsOf(() => parseFramework(value, "x"));
    expect(problems).toEqual(
      expect.arrayContaining([
        "title: is required (expected string)",
        "version: expected number, received string",
        "measures[0].kind: expected one of flow, stock",
        'measures[0]: unknown field "colour"',
      ]),
    );
    expect(problems.find((p) => p.startsWith("measures[0].code:"))).toMatch(/capitals/);
  });

  it("reports duplicates, a maximum below the minimum and guidance too long for Excel", () => {
    const value = JSON.parse(fixture("small.json"));
    value.measures.push({ ...value.measures[0], minimum: 10, maximum: 5, guidance: "x".repeat(300) });
    value.outcomeAreas.push({ name: "wellbeing" });
    const problems = problemsOf(() => parseFramework(value, "x"));
    expect(problems).toEqual(
      expect.arrayContaining([
        'measures[1].code: duplicates measures[0].code ("VISITS")',
        "measures[1].maximum: must not be below minimum (10)",
        "measures[1].guidance: must be at most 255 characters (Excel's limit for an input prompt)",
        'outcomeAreas[1].name: duplicates outcomeAreas[0].name ("wellbeing")',
      ]),
    );
  });

  it("rejects text that is not JSON, and empty lists", () => {
    expect(problemsOf(() => parseFrameworkText("{ not json", "f.json"))[0]).toMatch(/^not valid JSON/);
    const value = JSON.parse(fixture("small.json"));
    value.measures = [];
    expect(problemsOf(() => parseFramework(value, "x"))).toEqual(["measures: a framework needs at least one measure"]);
  });

  it("accepts a byte-order mark", () => {
    expect(parseFrameworkText("\uFEFF" + fixture("small.json"), "bom.json").id).toBe("small-test");
  });
});
