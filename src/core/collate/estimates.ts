/**
 * What the centre may publish, in one place: a scaled estimate only where the reporting
 * organisations cover enough of the sector's homes (an estimate from 4% coverage is a guess), and
 * a sector figure only where enough organisations reported that none can be worked out from it
 * (with two, either one finds the other's figure by subtraction). The rules are the framework's
 * (`minimumCoverage`, `minimumOrganisations`), else these defaults; the command line and the pane
 * may set them (`--min-coverage`, `--min-organisations`).
 */
import { formatPercent, plural } from "../format";

export const DEFAULT_MINIMUM_COVERAGE = 0.3;
export const DEFAULT_MINIMUM_ORGANISATIONS = 3;

export interface PublicationRules {
  /** The coverage (0-1) a scaled estimate needs. */
  minimumCoverage: number;
  /** The organisations a sector figure shown to others needs. */
  minimumOrganisations: number;
}

export const DEFAULT_PUBLICATION: PublicationRules = { minimumCoverage: DEFAULT_MINIMUM_COVERAGE, minimumOrganisations: DEFAULT_MINIMUM_ORGANISATIONS };

/** The rules from a framework's settings and any overrides (undefined keeps the one before). */
export function publicationRules(...sources: ({ minimumCoverage?: number | undefined; minimumOrganisations?: number | undefined } | undefined)[]): PublicationRules {
  const rules = { ...DEFAULT_PUBLICATION };
  for (const s of sources) {
    if (s?.minimumCoverage !== undefined) rules.minimumCoverage = s.minimumCoverage;
    if (s?.minimumOrganisations !== undefined) rules.minimumOrganisations = s.minimumOrganisations;
  }
  return rules;
}

/** What a scaled estimate is made from: a cell's (or a year's) reported total and the homes behind it. */
export interface EstimateBasis {
  reportedTotal: number;
  homesCovered: number;
  /** Reporting organisations whose homes are not known. */
  homesUnknown: number;
}

export type Estimate = { scaledEstimate: number; coverage: number; note?: undefined } | { scaledEstimate?: undefined; coverage?: number; note: string };

/**
 * The scaled estimate of a reported total (reported x sector homes / homes covered), or, when
 * there is none, a plain sentence saying why - for the `Estimate note` column.
 */
export function scaledEstimate(basis: EstimateBasis, sectorHomes: number | undefined, minimumCoverage: number): Estimate {
  if (sectorHomes === undefined || !(sectorHomes > 0)) return { note: "No estimate: the sector's homes are not known (give the number of homes in the sector)." };
  const coverage = basis.homesCovered / sectorHomes;
  if (basis.homesUnknown > 0) return { coverage, note: `No estimate: the homes of ${plural(basis.homesUnknown, "reporting organisation")} are not known (add them to the register).` };
  if (basis.homesCovered <= 0) return { coverage, note: "No estimate: the reporting organisations manage no homes." };
  if (coverage + 1e-9 < minimumCoverage) {
    return { coverage, note: `No estimate: the organisations reporting cover ${formatPercent(coverage)} of the sector's homes, below the ${formatPercent(minimumCoverage)} a reliable estimate needs.` };
  }
  return { coverage, scaledEstimate: (basis.reportedTotal * sectorHomes) / basis.homesCovered };
}

/** Whether a sector figure made from `organisations` may be shown to others; when not, the sentence that stands in its place. */
export function suppressed(organisations: number, minimumOrganisations: number): string | undefined {
  if (organisations >= minimumOrganisations) return undefined;
  return `Not shown: fewer than ${minimumOrganisations} organisations reported.`;
}

/**
 * How the sector's figures are made, in a few plain sentences for the people who read them (below
 * the Sector summary, in the sector workbook and the bulletin). Each sentence is short enough to
 * print across an A4 landscape page.
 */
export function howFiguresAreMade(rules: PublicationRules, sectorHomes: number | undefined, publishedToAll: boolean): string[] {
  const lines = [
    "How these figures are made",
    "Each figure is the total of what the organisations reported for that measure and month. A blank means not reported; 0 is a figure.",
    "Flows (what was done in a month) are added up over the year to date. Stocks (a position at the end of a month) are never added across months: the latest month is shown.",
    sectorHomes === undefined
      ? "Coverage and scaled estimates need the number of homes in the sector, which was not given."
      : `Coverage is the homes managed by the organisations that reported a figure, as a share of the sector's ${sectorHomes.toLocaleString("en-GB")} homes.`,
    `A scaled estimate is the reported total divided by coverage: what the whole sector would show at the same rate. It is made only where coverage is at least ${formatPercent(rules.minimumCoverage)}; below that it is left blank, as it would not be reliable.`,
  ];
  if (publishedToAll) lines.push(`A figure reported by fewer than ${rules.minimumOrganisations} organisations is not shown, so that no organisation's own figure can be worked out from it.`);
  return lines;
}

/** Adds up without the binary fractions of decimal pounds showing (0.1 + 0.2). */
export function roundSum(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
