/**
 * The impact map's social value for the board: Impact value (£) worked out row by row with the
 * documented formula (../setup/impact-value.ts, the same function behind the workbook's formula),
 * never taken from cached formula results alone, then totalled by outcome area and by stakeholder
 * group. Rows whose inputs have check errors are left out and counted.
 */
import type { IMPACT_MAP_HEADERS } from "../layout/contract";
import { readNumber, text, type ReadCell, type ReturnData } from "../return";
import { impactValue } from "../setup/impact-value";
import { cellKey } from "./keys";

export interface SocialValueGroup {
  /** The outcome area or stakeholder group as typed ("Not given" when blank). */
  name: string;
  /** Impact-map rows counted. */
  outcomes: number;
  value: number;
}

/** One impact-map row with a value. */
export interface ImpactRowValue {
  outcomeArea: string;
  stakeholderGroup: string;
  value: number;
}

export interface SocialValueSummary {
  /** Every impact-map row with a value, in sheet order. */
  rows: ImpactRowValue[];
  byOutcomeArea: SocialValueGroup[];
  byStakeholderGroup: SocialValueGroup[];
  total: number;
  /** Rows with a value counted. */
  outcomes: number;
  /** Rows left out: an input has a check error. */
  excluded: number;
}

export const NOT_GIVEN = "Not given";

const INPUTS = ["Quantity", "Financial proxy (£)", "Duration (years)", "Deadweight %", "Attribution %", "Displacement %", "Drop-off %"] as const;
type Input = (typeof INPUTS)[number];

/** The impact value of one row, or undefined when quantity or proxy is blank (the formula gives blank too). */
function rowValue(cells: Partial<Record<string, ReadCell>>): number | undefined | "bad" {
  const n: Partial<Record<Input, number>> = {};
  for (const h of INPUTS) {
    const read = readNumber(cells[h]?.value ?? null, h.endsWith("%"));
    if (read.kind === "number") n[h] = read.value;
    else if (read.kind !== "blank") return "bad";
  }
  if (n.Quantity === undefined || n["Financial proxy (£)"] === undefined) return undefined;
  return impactValue({
    quantity: n.Quantity,
    proxy: n["Financial proxy (£)"],
    years: n["Duration (years)"],
    deadweight: n["Deadweight %"],
    attribution: n["Attribution %"],
    displacement: n["Displacement %"],
    dropOff: n["Drop-off %"],
  });
}

export function summariseSocialValue(data: ReturnData, errorCells: ReadonlySet<string>): SocialValueSummary {
  const areas = new Map<string, SocialValueGroup>();
  const groups = new Map<string, SocialValueGroup>();
  const add = (map: Map<string, SocialValueGroup>, name: string, value: number) => {
    const key = name.toLowerCase();
    const group = map.get(key) ?? { name, outcomes: 0, value: 0 };
    group.outcomes++;
    group.value += value;
    map.set(key, group);
  };
  const rows: ImpactRowValue[] = [];
  let total = 0;
  let outcomes = 0;
  let excluded = 0;
  for (const row of data.impactMap?.rows ?? []) {
    const hasError = INPUTS.some((h) => {
      const at = row.cells[h]?.at;
      return at !== undefined && errorCells.has(cellKey(at));
    });
    const value = hasError ? "bad" : rowValue(row.cells);
    if (value === "bad") {
      excluded++;
      continue;
    }
    if (value === undefined) continue;
    outcomes++;
    total += value;
    const outcomeArea = text(row.cells["Outcome area"]?.value) || NOT_GIVEN;
    const stakeholderGroup = text(row.cells["Stakeholder group"]?.value) || NOT_GIVEN;
    rows.push({ outcomeArea, stakeholderGroup, value });
    add(areas, outcomeArea, value);
    add(groups, stakeholderGroup, value);
  }
  const ordered = (map: Map<string, SocialValueGroup>) => [...map.values()].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return { rows, byOutcomeArea: ordered(areas), byStakeholderGroup: ordered(groups), total, outcomes, excluded };
}

/** The contract's impact-map columns this summary reads. */
export const SOCIAL_VALUE_INPUTS: readonly (typeof IMPACT_MAP_HEADERS)[number][] = INPUTS;
