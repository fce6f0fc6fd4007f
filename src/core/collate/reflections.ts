/**
 * The reflections the centre receives: those an organisation marked Yes in `Share with the
 * centre`, from its return in use (the one whose figures count), and nothing else. A reflection not
 * marked to share is never read into a Submission (./submission.ts), so it cannot reach the sector
 * workbook, the bulletin or anyone's feedback. A return collated earlier and still in use keeps the
 * reflections the sector workbook already holds for it.
 */
import { isoMonth, monthIndex, parseIsoMonth, reportingMonths } from "../calendar";
import type { ReturnData } from "../return";
import type { SectorReflectionRow, SharedReflection, Submission } from "./types";

/** A return's reflections marked to share, with text. */
export function sharedReflections(data: ReturnData): SharedReflection[] {
  return (data.reflections?.rows ?? [])
    .filter((r) => r.shared && r.reflection !== "")
    .map((r) => ({ ...(r.month ? { month: isoMonth(r.month) } : {}), monthText: r.monthText, prompt: r.prompt, reflection: r.reflection }));
}

const orgKey = (code: string): string => code.trim().toUpperCase();

/**
 * The sector's shared reflections: for each submission in use, its own (read in this run) or, for one
 * collated earlier, the previous workbook's rows of its organisation and year (rows whose month was
 * not a month go with the organisation's latest year in use). Sorted by organisation, latest month first.
 */
export function gatherReflections(
  inUse: readonly Submission[],
  nameOf: (sub: Submission) => { organisationCode: string; organisation: string },
  previous: readonly SectorReflectionRow[] = [],
): SectorReflectionRow[] {
  const rows: (SectorReflectionRow & { order: number })[] = [];
  const latestYear = new Map<string, string>();
  for (const sub of inUse) {
    const key = orgKey(sub.organisationCode!);
    if ((latestYear.get(key) ?? "") < sub.yearStart!) latestYear.set(key, sub.yearStart!);
  }
  for (const sub of inUse) {
    const names = nameOf(sub);
    const key = orgKey(sub.organisationCode!);
    let own: readonly SharedReflection[] = sub.reflections ?? [];
    if (sub.reflections === undefined) {
      const start = parseIsoMonth(sub.yearStart!);
      const months = new Set(start ? reportingMonths(start).map(isoMonth) : []);
      const latest = latestYear.get(key) === sub.yearStart;
      own = previous.filter((r) => orgKey(r.organisationCode) === key && (r.month !== undefined ? months.has(r.month) : latest));
    }
    for (const r of own) {
      const row: SectorReflectionRow & { order: number } = { ...names, monthText: r.monthText, prompt: r.prompt, reflection: r.reflection, order: rows.length };
      if (r.month !== undefined) row.month = r.month;
      rows.push(row);
    }
  }
  const rank = (r: SharedReflection) => {
    const month = r.month === undefined ? undefined : parseIsoMonth(r.month);
    return month ? monthIndex(month) : -Infinity;
  };
  rows.sort((a, b) => (orgKey(a.organisationCode) < orgKey(b.organisationCode) ? -1 : orgKey(a.organisationCode) > orgKey(b.organisationCode) ? 1 : 0) || rank(b) - rank(a) || a.order - b.order);
  return rows.map(({ order: _, ...row }) => row);
}
