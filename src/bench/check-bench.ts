/**
 * Times the core check (checkReturn) on synthetic returns:
 * - a full year: 65 measure rows x 12 months, 500 impact-map rows, 200 case studies (target 50 ms);
 * - a 20,000-row impact map (target 1 s).
 * Each is the median of several runs after three warm-up runs. Pure (no Node APIs) apart from the clock.
 */
import { checkReturn } from "../core/checks";
import { parseFramework, type Framework } from "../core/framework";
import { FIELD, IMPACT_MAP_HEADERS, INFO_KEY, RETURN_FIELDS, SHEET, TABLE, TABLE_SHEET, type TableName } from "../core/layout/contract";
import { columnLetter } from "../core/layout/a1";
import { excelSerial, monthLabel, reportingMonths } from "../core/calendar";
import { impactValue, impactValueFormula } from "../core/setup/impact-value";
import { measureRows } from "../core/setup/measure-rows";
import type { CellValue, TableSnapshot, WorkbookSnapshot } from "../core/workbook/types";
import { RETURN_TABLE_HEADERS } from "../xlsx/return-tables";
import { medianTime, wallClock, type Clock } from "./timing";

export interface BenchResult {
  name: string;
  ms: number;
  target: number;
}

/** 15 measures with 3 breakdowns (60 rows) and 5 without: 65 rows. */
export function benchFramework(): Framework {
  const measures = Array.from({ length: 20 }, (_, m) => {
    const broken = m < 15;
    return {
      code: `MEASURE_${m + 1}`,
      label: `Measure ${m + 1}`,
      guidance: "A synthetic measure for timing the checks.",
      unit: m % 5 === 2 ? "gbp" : "count",
      kind: m % 4 === 3 ? "stock" : "flow",
      numberType: m % 5 === 2 ? "decimal" : "whole",
      required: m % 2 === 0,
      maximum: 10_000_000,
      breakdowns: broken ? [1, 2, 3].map((b) => ({ code: `PART_${b}`, label: `Part ${b}` })) : [],
    };
  });
  return parseFramework(
    {
      id: "bench-framework",
      version: 1,
      title: "Bench framework",
      measures,
      stakeholderGroups: Array.from({ length: 12 }, (_, g) => ({ name: `Group ${g + 1}` })),
      outcomeAreas: ["Social isolation", "Poverty", "Community cohesion", "Health and wellbeing", "Environment"].map((name) => ({ name })),
    },
    "bench framework",
  );
}

/** A return table at A1 of its sheet, with the contract's headers (and `moreHeaders` after them: the Measures table's months). */
function tableOf(name: TableName, values: CellValue[][], { formulas = values, moreHeaders = [] }: { formulas?: CellValue[][]; moreHeaders?: string[] } = {}): TableSnapshot {
  return { name, sheet: TABLE_SHEET[name], row: 0, column: 0, headers: [...RETURN_TABLE_HEADERS[name]!, ...moreHeaders], values, formulas };
}

/** A deterministic pseudo-random sequence, so every run checks the same workbook. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export function benchReturn(framework: Framework, impactRows: number, caseStudies: number): WorkbookSnapshot {
  const rnd = random(42);
  const year = { year: 2020, month: 4 };
  const months = reportingMonths(year).map(monthLabel);
  const groups = framework.stakeholderGroups.map((g) => g.name);
  const areas = framework.outcomeAreas.map((a) => a.name);

  const details = tableOf(
    TABLE.returnDetails,
    RETURN_FIELDS.map((f): CellValue[] => {
      const v: Partial<Record<string, CellValue>> = {
        [FIELD.organisation]: "Bench Homes",
        [FIELD.organisationCode]: "BEN",
        [FIELD.yearStart]: excelSerial(2020, 4, 1),
        [FIELD.contactEmail]: "bench@example.org.uk",
      };
      return [f.field, v[f.field] ?? null];
    }),
  );

  // Every month reported; breakdowns add up to their totals.
  const rows = measureRows(framework);
  const byMeasure = new Map<string, number[][]>();
  const measureValues = rows.map((r): CellValue[] => {
    let figures: number[];
    if (r.breakdown === "Total") {
      figures = [];
    } else {
      const base = 100 + Math.floor(rnd() * 400);
      figures = months.map(() => Math.round(base * (0.8 + rnd() * 0.4)));
      if (r.breakdown !== "") {
        const list = byMeasure.get(r.code) ?? [];
        list.push(figures);
        byMeasure.set(r.code, list);
      }
    }
    return [r.code, r.label, r.breakdown === "" ? null : r.breakdown, r.unit, r.kind, ...figures];
  });
  rows.forEach((r, i) => {
    if (r.breakdown !== "Total") return;
    const parts = byMeasure.get(r.code) ?? [];
    measureValues[i]!.push(...months.map((_, m) => parts.reduce((s, p) => s + p[m]!, 0)));
  });
  const measures = tableOf(TABLE.measures, measureValues, { moreHeaders: months });

  const stakeholders = tableOf(
    TABLE.stakeholders,
    groups.map((g) => [g, "A group", Math.round(rnd() * 1000), "Reached by our work"]),
  );

  const letter = (h: (typeof IMPACT_MAP_HEADERS)[number]) => columnLetter(IMPACT_MAP_HEADERS.indexOf(h));
  const cols = {
    quantity: letter("Quantity"),
    years: letter("Duration (years)"),
    proxy: letter("Financial proxy (£)"),
    deadweight: letter("Deadweight %"),
    attribution: letter("Attribution %"),
    displacement: letter("Displacement %"),
    dropOff: letter("Drop-off %"),
  };
  const impactValues: CellValue[][] = [];
  const impactFormulas: CellValue[][] = [];
  for (let i = 0; i < impactRows; i++) {
    const q = 1 + Math.floor(rnd() * 200);
    const proxy = Math.round(rnd() * 200_000) / 100;
    const dw = Math.round(rnd() * 50) / 100;
    const row: CellValue[] = [groups[i % groups.length]!, "Activity", "Output", "Outcome", areas[i % areas.length]!, "Indicator", "Source", q, 1 + (i % 3), proxy, "Own estimate", dw, 0.1, 0, 0.1];
    impactValues.push([...row, impactValue({ quantity: q, proxy, years: 1 + (i % 3), deadweight: dw, attribution: 0.1, displacement: 0, dropOff: 0.1 })]);
    impactFormulas.push([...row, impactValueFormula(cols, i + 2)]);
  }
  const impactMap = tableOf(TABLE.impactMap, impactValues, { formulas: impactFormulas });

  const cases = tableOf(
    TABLE.caseStudies,
    Array.from({ length: caseStudies }, (_, i): CellValue[] => [
      `Story ${i + 1}`,
      months[i % 12]!,
      areas[i % areas.length]!,
      groups[i % groups.length]!,
      "What happened, in a few sentences.",
      "How this is different from before.",
      i % 3 === 0 ? "No" : "Yes",
    ]),
  );

  const info = tableOf(TABLE.frameworkInfo, [
    [INFO_KEY.frameworkId, framework.id],
    [INFO_KEY.frameworkVersion, framework.version],
  ]);

  const tables = [details, measures, stakeholders, impactMap, cases, info];
  return {
    sheets: Object.values(SHEET).map((name) => ({ name, tables: tables.filter((t) => t.sheet === name).map((t) => t.name) })),
    tables,
    frameworkDefinition: JSON.stringify(framework),
  };
}

/** Times checkReturn on a full year and on a 20,000-row impact map, by `clock` (the real one unless given). */
export function benchChecks(clock: Clock = wallClock): BenchResult[] {
  // Three warm-up runs: the pane re-checks after every edit, so warm runs are the realistic ones.
  const timing = { warmUp: 3, clock };
  const framework = benchFramework();
  const fullYear = benchReturn(framework, 500, 200);
  const bigMap = benchReturn(framework, 20_000, 200);
  const measureRowCount = measureRows(framework).length;
  return [
    {
      name: `check a full year (${measureRowCount} measure rows x 12 months, 500 impact-map rows, 200 case studies)`,
      ms: medianTime(() => checkReturn(fullYear), 15, timing),
      target: 50,
    },
    {
      name: "check a 20,000-row impact map",
      ms: medianTime(() => checkReturn(bigMap), 5, timing),
      target: 1000,
    },
  ];
}
