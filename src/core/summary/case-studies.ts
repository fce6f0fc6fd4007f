/**
 * Case studies for the board, by outcome area: only stories whose `Consent given` is Yes are listed
 * by title; the others are counted, never shown.
 */
import { monthLabel, type YearMonth } from "../calendar";
import { readMonthValue, text, type ReturnData } from "../return";
import { NOT_GIVEN } from "./social-value";

export interface Story {
  title: string;
  /** The month as a month when it reads as one; else the text typed. */
  month?: YearMonth;
  monthText: string;
  outcomeArea: string;
  stakeholderGroup: string;
}

export interface CaseStudiesByArea {
  outcomeArea: string;
  /** Consented stories, listed. */
  stories: Story[];
  /** Stories without consent (No or blank): counted only. */
  withoutConsent: number;
}

export interface CaseStudiesSummary {
  byOutcomeArea: CaseStudiesByArea[];
  /** Every consented story, in sheet order. */
  stories: Story[];
  withoutConsent: number;
}

export function summariseCaseStudies(data: ReturnData, _errorCells: ReadonlySet<string>): CaseStudiesSummary {
  const areas = new Map<string, CaseStudiesByArea>();
  const stories: Story[] = [];
  let withoutConsent = 0;
  for (const row of data.caseStudies?.rows ?? []) {
    const title = text(row.cells.Title?.value);
    const area = text(row.cells["Outcome area"]?.value) || NOT_GIVEN;
    const key = area.toLowerCase();
    const group = areas.get(key) ?? { outcomeArea: area, stories: [], withoutConsent: 0 };
    areas.set(key, group);
    const consent = text(row.cells["Consent given"]?.value).toLowerCase();
    if (consent !== "yes") {
      group.withoutConsent++;
      withoutConsent++;
      continue;
    }
    const monthValue = row.cells.Month?.value ?? null;
    const month = readMonthValue(monthValue);
    const story: Story = { title: title || "Untitled story", monthText: month ? monthLabel(month) : text(monthValue), outcomeArea: area, stakeholderGroup: text(row.cells["Stakeholder group"]?.value) };
    if (month) story.month = month;
    group.stories.push(story);
    stories.push(story);
  }
  return { byOutcomeArea: [...areas.values()].sort((a, b) => a.outcomeArea.localeCompare(b.outcomeArea)), stories, withoutConsent };
}
