/** Checks of the entry tables: Stakeholders, ImpactMap (Outcomes sheet) and CaseStudies. */
import { closest, distance } from "fastest-levenshtein";
import type { Framework } from "../framework";
import { YES_NO } from "../layout/contract";
import { excelSerial, monthIndex, parseMonth, type YearMonth } from "../calendar";
import { checkNumberCell, checkTextCell, type IssueList, type NumberSpec, type TableView } from "./context";
import { isExcelError, norm } from "./values";

/** Stakeholder group names on the Stakeholders sheet, by their compared form. */
export type StakeholderGroups = Map<string, string>;

export function checkStakeholders(issues: IssueList, view: TableView): StakeholderGroups {
  const groups: StakeholderGroups = new Map();
  const firstRow = new Map<string, number>();
  const groupCol = view.col("Stakeholder group");
  const peopleCol = view.col("Number of people");
  for (let i = 0; i < view.rowCount; i++) {
    if (view.isBlankRow(i)) continue;
    const group = checkTextCell(issues, view, i, groupCol, "Stakeholder group", "Stakeholder group");
    if (group === "" && groupCol !== undefined) {
      issues.add("missing-stakeholder-group", view.at(i, groupCol, "Stakeholder group"), { table: "stakeholders" });
    } else if (group) {
      const key = norm(group);
      const first = firstRow.get(key);
      if (first === undefined) {
        firstRow.set(key, i);
        groups.set(key, group);
      } else {
        issues.add("duplicate-stakeholder-group", view.at(i, groupCol!, "Stakeholder group"), { group, firstRow: view.sheetRow(first) }, view.value(i, groupCol));
      }
    }
    if (peopleCol !== undefined) {
      const who = group ? `Number of people for ${group}` : "Number of people";
      checkNumberCell(issues, view, i, peopleCol, "Number of people", { what: who, unit: "people", whole: true, min: 0, blank: "or leave it blank if you do not know" });
    }
  }
  return groups;
}

/**
 * Finds a close match among names, for "did you mean" hints: the closest by edit distance when close
 * enough, else the only name sharing a word of 4 letters or more ("Older people" -> "Older residents").
 * Cached per text, so a name repeated on thousands of rows costs one look-up.
 */
class Suggester {
  private readonly cache = new Map<string, string | undefined>();
  private readonly lower: string[];
  private readonly words: Set<string>[];
  constructor(private readonly names: readonly string[]) {
    this.lower = names.map(norm);
    this.words = this.lower.map((n) => new Set(n.split(/[^a-z0-9]+/).filter((w) => w.length >= 4)));
  }

  /** The name the text is probably meant to be, if any. */
  suggest(textValue: string): string | undefined {
    const key = norm(textValue);
    if (!this.cache.has(key)) this.cache.set(key, this.find(key));
    return this.cache.get(key);
  }

  private find(key: string): string | undefined {
    if (this.names.length === 0 || key === "") return undefined;
    const found = closest(key, this.lower);
    if (distance(key, found) <= Math.max(2, Math.floor(found.length / 3))) return this.names[this.lower.indexOf(found)];
    const mine = key.split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
    const sharing = this.words.flatMap((set, i) => (mine.some((w) => set.has(w)) ? [i] : []));
    return sharing.length === 1 ? this.names[sharing[0]!] : undefined;
  }
}

function groupChecker(issues: IssueList, groups: StakeholderGroups | undefined) {
  const suggest = new Suggester(groups ? [...groups.values()] : []);
  return (view: TableView, i: number, col: number, group: string, of: "outcome" | "story") => {
    if (!groups || groups.has(norm(group))) return;
    issues.add("unknown-stakeholder-group", view.at(i, col, "Stakeholder group"), { group, of, suggestion: suggest.suggest(group) }, view.value(i, col));
  };
}

function outcomeAreaChecker(issues: IssueList, framework: Framework | undefined) {
  const names = framework ? framework.outcomeAreas.map((a) => a.name) : [];
  const allowed = new Set(names.map(norm));
  const suggest = new Suggester(names);
  return (view: TableView, i: number, col: number, area: string) => {
    if (!framework || allowed.has(norm(area))) return;
    issues.add("not-in-list", view.at(i, col, "Outcome area"), { kind: "outcome-area", value: area, allowed: names, suggestion: suggest.suggest(area) }, view.value(i, col));
  };
}

const PERCENT: Omit<NumberSpec, "what"> = { unit: "percent", whole: false, percent: true, blank: "or leave it blank for 0%" };

/** The impact map's number columns and what each needs. */
const IMPACT_MAP_NUMBERS: readonly (readonly [string, Omit<NumberSpec, "what">])[] = [
  ["Quantity", { unit: "number", whole: false, min: 0, blank: "or leave it blank" }],
  ["Duration (years)", { unit: "number", whole: false, min: 0, max: 50, blank: "or leave it blank for one year" }],
  ["Financial proxy (£)", { unit: "gbp", whole: false, min: 0, blank: "or leave it blank" }],
  ...["Deadweight %", "Attribution %", "Displacement %", "Drop-off %"].map((h) => [h, PERCENT] as const),
];

export function checkImpactMap(issues: IssueList, view: TableView, framework: Framework | undefined, groups: StakeholderGroups | undefined): void {
  const col = (h: string) => view.col(h);
  const groupCol = col("Stakeholder group");
  const areaCol = col("Outcome area");
  const quantityCol = col("Quantity");
  const proxyCol = col("Financial proxy (£)");
  const valueCol = col("Impact value (£)");
  const checkGroup = groupChecker(issues, groups);
  const checkArea = outcomeAreaChecker(issues, framework);

  for (let i = 0; i < view.rowCount; i++) {
    // The impact value is worked out by formula on every row: a row with only that is blank.
    const formulaValue = valueCol !== undefined && view.hasFormula(i, valueCol);
    if (view.isBlankRow(i, formulaValue ? valueCol : undefined)) continue;
    const before = issues.issues.length;
    const what = (h: string) => `${h} on impact-map row ${view.sheetRow(i)}`;

    const group = checkTextCell(issues, view, i, groupCol, "Stakeholder group", "Stakeholder group");
    if (group === "") {
      issues.add("missing-stakeholder-group", view.at(i, groupCol!, "Stakeholder group"), { table: "impact-map" });
    } else if (group) {
      checkGroup(view, i, groupCol!, group, "outcome");
    }
    const area = checkTextCell(issues, view, i, areaCol, "Outcome area", "Outcome area");
    if (area) checkArea(view, i, areaCol!, area);

    for (const [h, need] of IMPACT_MAP_NUMBERS) {
      const c = col(h);
      if (c !== undefined) checkNumberCell(issues, view, i, c, h, { what: what(h), ...need });
    }

    if (valueCol !== undefined) {
      const value = view.value(i, valueCol);
      const inputsGiven = !isBlankValue(view.value(i, quantityCol)) && !isBlankValue(view.value(i, proxyCol));
      if (value === null && formulaValue) {
        // The tool's own impact formula needs no cached value: programs that fill a template
        // without calculating (openpyxl, scripts) leave it empty, and its result is the tool's to work out.
        if (inputsGiven && !isToolImpactFormula(view.formula(i, valueCol))) {
          issues.add("formula-no-value", view.at(i, valueCol, "Impact value (£)"), { kind: "impact-value", row: view.sheetRow(i) }, view.formula(i, valueCol));
        }
      } else if (isExcelError(value) && issues.issues.length === before) {
        issues.add("cell-error", view.at(i, valueCol, "Impact value (£)"), { kind: "impact-value", row: view.sheetRow(i), error: value.trim() }, value);
      }
    }
  }
}

/** The impact-value formula Set up writes (docs/return-format.md), in any row. */
function isToolImpactFormula(formula: unknown): boolean {
  return typeof formula === "string" && /^=IF\(OR\([A-Z]{1,3}\d+="",[A-Z]{1,3}\d+=""\),"",[A-Z]{1,3}\d+\*[A-Z]{1,3}\d+\*\(1-N\(/i.test(formula.replace(/\s+/g, ""));
}

function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const MIN_MONTH_SERIAL = excelSerial(1990, 1, 1);

export function checkCaseStudies(
  issues: IssueList,
  view: TableView,
  framework: Framework | undefined,
  groups: StakeholderGroups | undefined,
  yearStart: YearMonth | undefined,
): void {
  const monthCol = view.col("Month");
  const areaCol = view.col("Outcome area");
  const groupCol = view.col("Stakeholder group");
  const consentCol = view.col("Consent given");
  const checkGroup = groupChecker(issues, groups);
  const checkArea = outcomeAreaChecker(issues, framework);
  const first = yearStart ? monthIndex(yearStart) : undefined;
  const consentAllowed = new Map<string, string>(YES_NO.map((v) => [norm(v), v]));

  for (let i = 0; i < view.rowCount; i++) {
    if (view.isBlankRow(i)) continue;
    const monthText = checkTextCell(issues, view, i, monthCol, "Month", "Month");
    if (monthText) {
      const raw = view.value(i, monthCol);
      const month = typeof raw === "number" && raw < MIN_MONTH_SERIAL ? undefined : parseMonth(raw);
      if (!month) {
        issues.add("not-in-list", view.at(i, monthCol!, "Month"), { kind: "month", value: raw, yearStart }, raw);
      } else if (yearStart && first !== undefined && (monthIndex(month) < first || monthIndex(month) > first + 11)) {
        issues.add("month-outside-year", view.at(i, monthCol!, "Month"), { month, yearStart }, raw);
      }
    }
    const area = checkTextCell(issues, view, i, areaCol, "Outcome area", "Outcome area");
    if (area) checkArea(view, i, areaCol!, area);
    const group = checkTextCell(issues, view, i, groupCol, "Stakeholder group", "Stakeholder group");
    if (group) checkGroup(view, i, groupCol!, group, "story");

    const consent = checkTextCell(issues, view, i, consentCol, "Consent given", "Consent given");
    if (consent === "") {
      issues.add("consent-blank", view.at(i, consentCol!, "Consent given"), {});
    } else if (consent !== undefined && !consentAllowed.has(norm(consent))) {
      issues.add("not-in-list", view.at(i, consentCol!, "Consent given"), { kind: "consent", value: view.value(i, consentCol) }, view.value(i, consentCol));
    }
  }
}
