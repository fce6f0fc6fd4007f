/**
 * "Start from a sample return": a made-up organisation's part-filled return for the preview.
 * Riverside Homes (RH01), reporting year from April 2020, with four months of figures whose
 * breakdowns add up to their totals, stakeholders, impact-map rows and case studies.
 *
 * It is built the way a user would build it: Set up runs through the Excel gateway, then every
 * entry is typed into an editable cell (so protection and validation apply as in Excel).
 * All names, people and figures are invented; financial proxies are the organisation's own
 * estimates (no licensed values).
 */
import { findBuiltinFramework, DEFAULT_FRAMEWORK_ID, type Framework } from "../core/framework";
import { CASE_STUDY_HEADERS, FIELD, IMPACT_MAP_HEADERS, MEASURE_KEY_HEADERS, RETURN_FIELDS, SHEET, STAKEHOLDER_HEADERS } from "../core/layout/contract";
import type { YearMonth } from "../core/calendar";
import { measureRowKey, measureRows } from "../core/setup/measure-rows";
import type { ExcelGateway } from "../excel/gateway";
import { columnLetter } from "../core/layout/a1";

export const SAMPLE_ORGANISATION = "Riverside Homes";
export const SAMPLE_CODE = "RH01";
export const SAMPLE_YEAR_START: YearMonth = { year: 2020, month: 4 };
/** The day the sample is opened on in the preview: 10 August 2020, with April to July filled and July due by the 15th. */
export const SAMPLE_TODAY = new Date(2020, 7, 10);

/** Types `values` into the cells of `address` (e.g. "F2:I2") on `sheet`, as a user would. */
export type TypeIntoCells = (sheet: string, address: string, values: (string | number)[][]) => void | Promise<void>;

/** Breakdowns' figures with their Total row first: month by month, the sum of the breakdowns. */
function withTotal(breakdowns: Record<string, number[]>): Record<string, number[]> {
  const months = Object.values(breakdowns)[0]!.map((_, m) => m);
  return { Total: months.map((m) => Object.values(breakdowns).reduce((sum, figures) => sum + figures[m]!, 0)), ...breakdowns };
}

/** Figures for April to July 2020, by measure code and breakdown label ("" when the measure has none); totals add up their breakdowns. */
export const SAMPLE_FIGURES: Record<string, Record<string, number[]>> = {
  WELFARE_CALLS: { "": [1840, 1320, 960, 710] },
  ADVICE_SUPPORTED: withTotal({
    "Welfare benefits": [98, 81, 66, 58],
    "Debt and money": [54, 49, 45, 41],
    "Employment and training": [21, 24, 27, 30],
    "Other advice": [39, 33, 26, 22],
  }),
  FINANCIAL_SUPPORT: withTotal({
    "Hardship grants": [9200, 7800, 5650, 5100],
    "Fuel vouchers": [3150, 2420.5, 1725, 1380.25],
    "Food vouchers": [4600, 3900, 3100, 2700],
    "Other financial support": [1500, 1200, 800, 700],
  }),
  FOOD_INTERVENTIONS: withTotal({
    "Food parcels": [410, 350, 240, 170],
    "Prepared meals": [150, 160, 140, 110],
    "Referrals to food banks": [80, 65, 50, 38],
  }),
  VOLUNTEER_HOURS: { "": [420, 515, 480, 390] },
  VULNERABLE_RESIDENTS: { "": [2310, 2365, 2342, 2298] },
  COMMUNITY_STAFF: { "": [46, 52, 52, 49] },
  STAFF_REDEPLOYED: { "": [18, 21, 12, 6] },
  RENT_ARREARS_RISK: { "": [1120, 1245, 1198, 1164] },
  UNIVERSAL_CREDIT: { "": [2870, 3105, 3240, 3302] },
};

const RETURN_ENTRIES: [string, string | number][] = [
  [FIELD.homesManaged, 8400],
  [FIELD.contactName, "Priya Shah"],
  [FIELD.contactEmail, "priya.shah@riversidehomes.example"],
  [FIELD.preparedBy, "Priya Shah"],
  [FIELD.centreEmail, "returns@centre.example"],
];

/** Number of people and how they are affected, for groups the framework lists; plus one the organisation added. */
const STAKEHOLDERS: { group: string; description?: string; people: number; affected: string }[] = [
  { group: "Tenants and residents", people: 5200, affected: "Welfare calls, advice and food support while lockdown kept people at home." },
  { group: "Older residents", people: 1450, affected: "Weekly calls and help with shopping and prescriptions; less time alone." },
  { group: "Families with children", people: 620, affected: "Food parcels and activity packs during school closures." },
  { group: "Residents in financial hardship", people: 780, affected: "Hardship grants, fuel and food vouchers, and benefits advice." },
  { group: "Local community groups", people: 14, affected: "Small grants to run food hubs and befriending by phone." },
  { group: "Volunteers", people: 85, affected: "Made calls and delivered food; gained skills and confidence." },
  { group: "Staff", people: 52, affected: "Redeployed from offices into welfare calling and food delivery." },
  { group: "Young people", description: "Residents aged 16 to 24.", people: 140, affected: "Online activities and help finding work or training." },
];

/** Impact-map rows, by header. Percentages are typed as a user would ("20%"). */
const IMPACT_ROWS: Record<string, string>[] = [
  {
    "Stakeholder group": "Older residents",
    Activity: "Weekly welfare calls",
    Output: "4,830 calls to residents living alone",
    Outcome: "Residents feel less lonely",
    "Outcome area": "Social isolation",
    Indicator: "Residents saying they feel less lonely",
    Source: "Resident phone survey, June 2020",
    Quantity: "310",
    "Duration (years)": "1",
    "Financial proxy (£)": "1200",
    "Proxy source": "Own estimate: a year's place at a local befriending service",
    "Deadweight %": "20%",
    "Attribution %": "10%",
    "Displacement %": "0%",
    "Drop-off %": "0%",
  },
  {
    "Stakeholder group": "Residents in financial hardship",
    Activity: "Benefits advice and hardship grants",
    Output: "450 households advised",
    Outcome: "Higher household income",
    "Outcome area": "Poverty",
    Indicator: "Households with new benefit income",
    Source: "Advice case records",
    Quantity: "96",
    "Duration (years)": "1",
    "Financial proxy (£)": "1850",
    "Proxy source": "Own records: average yearly gain from new benefit claims",
    "Deadweight %": "15%",
    "Attribution %": "25%",
    "Displacement %": "0%",
    "Drop-off %": "0%",
  },
  {
    "Stakeholder group": "Families with children",
    Activity: "Food parcels",
    Output: "1,170 parcels delivered",
    Outcome: "Families can afford enough food",
    "Outcome area": "Poverty",
    Indicator: "Families no longer skipping meals",
    Source: "Follow-up calls",
    Quantity: "140",
    "Duration (years)": "0.5",
    "Financial proxy (£)": "260",
    "Proxy source": "Own estimate: a month's food shopping for a family",
    "Deadweight %": "30%",
    "Attribution %": "20%",
    "Displacement %": "5%",
    "Drop-off %": "0%",
  },
  {
    "Stakeholder group": "Volunteers",
    Activity: "Volunteering programme",
    Output: "1,805 volunteer hours",
    Outcome: "More confidence and new skills",
    "Outcome area": "Employment and skills",
    Indicator: "Volunteers reporting more confidence",
    Source: "Volunteer survey",
    Quantity: "48",
    "Duration (years)": "2",
    "Financial proxy (£)": "900",
    "Proxy source": "Own estimate: cost of a comparable training course",
    "Deadweight %": "25%",
    "Attribution %": "10%",
    "Displacement %": "0%",
    "Drop-off %": "20%",
  },
];

const CASE_STUDIES: Record<string, string>[] = [
  {
    Title: "Back in touch after lockdown",
    Month: "Apr 2020",
    "Outcome area": "Social isolation",
    "Stakeholder group": "Older residents",
    "What happened":
      "Mrs A, 82, lives alone and had no visitors once lockdown began. A welfare call found she was running out of medication: we arranged deliveries and linked her to a telephone befriending group.",
    "How this is different": "We used to contact residents about rent and repairs. Now we call those most at risk every week, so we know who needs help.",
    "Consent given": "Yes",
  },
  {
    Title: "A grant that kept the lights on",
    Month: "May 2020",
    "Outcome area": "Poverty",
    "Stakeholder group": "Residents in financial hardship",
    "What happened":
      "A family of five lost their income when the father was made redundant. A hardship grant and fuel vouchers covered the gap until Universal Credit was paid, and our adviser helped them claim.",
    "How this is different": "Grants used to take weeks to approve. We now decide within two days and pair every grant with advice.",
    "Consent given": "Yes",
  },
  {
    Title: "Tenants' hall turned food hub",
    Month: "Jun 2020",
    "Outcome area": "Community cohesion",
    "Stakeholder group": "Local community groups",
    "What happened": "The Oakfield residents' association used a small grant to turn its hall into a food hub, packing 300 parcels a month with 20 volunteers.",
    "How this is different": "Residents now run the service with our support, rather than us running it for them.",
    "Consent given": "No",
  },
];

function cell(headers: readonly string[], header: string, sheetRow: number): string {
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`Sample return: no column '${header}'`);
  return `${columnLetter(i)}${sheetRow}`;
}

export function sampleFramework(): Framework {
  const framework = findBuiltinFramework(DEFAULT_FRAMEWORK_ID);
  if (!framework) throw new Error("The built-in framework is missing.");
  return framework;
}

/**
 * Sets up a new workbook for Riverside Homes through the gateway, then types the sample entries.
 * `onProgress` reports what it is doing, for the preview's status line.
 */
export async function buildSampleReturn(gateway: ExcelGateway, type: TypeIntoCells, onProgress?: (step: string) => void): Promise<void> {
  const framework = sampleFramework();
  onProgress?.("Setting up the workbook");
  await gateway.setUp(framework, { organisation: SAMPLE_ORGANISATION, organisationCode: SAMPLE_CODE, yearStart: SAMPLE_YEAR_START }, SAMPLE_YEAR_START);

  onProgress?.("Filling in the return details");
  // The tables start at A1, so body row i is sheet row i + 2.
  for (const [field, value] of RETURN_ENTRIES) {
    const i = RETURN_FIELDS.findIndex((f) => f.field === field);
    await type(SHEET.return, `B${i + 2}`, [[value]]);
  }

  onProgress?.("Typing four months of figures");
  const rows = measureRows(framework);
  const firstMonth = MEASURE_KEY_HEADERS.length;
  for (const [code, byBreakdown] of Object.entries(SAMPLE_FIGURES)) {
    for (const [breakdown, figures] of Object.entries(byBreakdown)) {
      const i = rows.findIndex((r) => measureRowKey(r.code, r.breakdown) === measureRowKey(code, breakdown));
      if (i < 0) continue;
      const range = `${columnLetter(firstMonth)}${i + 2}:${columnLetter(firstMonth + figures.length - 1)}${i + 2}`;
      await type(SHEET.measures, range, [figures]);
    }
  }

  onProgress?.("Describing stakeholders");
  const groups = framework.stakeholderGroups.map((g) => g.name);
  let extra = 0;
  for (const s of STAKEHOLDERS) {
    const known = groups.indexOf(s.group);
    const row = (known >= 0 ? known : groups.length + extra++) + 2;
    if (known >= 0)
      await type(SHEET.stakeholders, `${cell(STAKEHOLDER_HEADERS, "Number of people", row)}:${cell(STAKEHOLDER_HEADERS, "How they are affected", row)}`, [
        [s.people, s.affected],
      ]);
    else
      await type(SHEET.stakeholders, `A${row}:${cell(STAKEHOLDER_HEADERS, "How they are affected", row)}`, [
        [s.group, s.description ?? "", s.people, s.affected],
      ]);
  }

  onProgress?.("Adding impact-map rows");
  const impactInputs = IMPACT_MAP_HEADERS.filter((h) => h !== "Impact value (£)");
  for (const [i, row] of IMPACT_ROWS.entries()) {
    const last = cell(impactInputs, impactInputs[impactInputs.length - 1]!, i + 2);
    await type(SHEET.outcomes, `A${i + 2}:${last}`, [impactInputs.map((h) => row[h] ?? "")]);
  }

  onProgress?.("Adding case studies");
  for (const [i, row] of CASE_STUDIES.entries()) {
    const last = cell(CASE_STUDY_HEADERS, CASE_STUDY_HEADERS[CASE_STUDY_HEADERS.length - 1]!, i + 2);
    await type(SHEET.caseStudies, `A${i + 2}:${last}`, [CASE_STUDY_HEADERS.map((h) => row[h] ?? "")]);
  }

  // Ready for the next month's figures: August's welfare calls.
  await gateway.selectCell(SHEET.measures, `${columnLetter(firstMonth + 4)}2`);
}
