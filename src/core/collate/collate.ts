/**
 * The collation engine: submissions (and a previous ledger) in, the sector dataset out. Pure and
 * deterministic: the result depends on the inputs, never on their order (docs/sector-format.md).
 *
 * 1. Duplicates: files with the same SHA-256; the one already in the ledger, else the earliest
 *    modified (then the first by name), is the original, the others are `duplicate`. A file that
 *    could not be read as a return (`unreadable`: empty, not a workbook...) is never a duplicate
 *    nor an original: two empty files are both rejected as empty.
 * 2. Rejected: unreadable, not a return, no framework known, no organisation code, or a framework
 *    sharing no measure code with the sector's.
 * 3. Per organisation code and reporting year, submissions in order of newness (`Signed off on`,
 *    then months reported, then the file's modification time, then SHA-256 to settle a tie): the
 *    newest without errors is `accepted` (in use); a return with check errors newer than it is
 *    `held` (the one in use stays); every other, older submission is `superseded`.
 * 4. Revisions: each submission without errors is compared with the one before it in that order
 *    (the one in use before it), cell by cell: a figure changed or blanked is recorded.
 * 5. Sector data, totals per measure row per month, and the chase list.
 */
import { addMonths, excelSerial, isoMonth, monthLabel, reportingMonths, serialToDate } from "../calendar";
import { gbDate, plural } from "../format";
import { CHASE, REASON, type NamedSubmission } from "./reasons";
import { baseName } from "../safe-text";
import { ym } from "./submission";
import { DEFAULT_MINIMUM_COVERAGE, roundSum, scaledEstimate } from "./estimates";
import { gatherReflections } from "./reflections";
import type {
  ChaseRow,
  Collation,
  CollateOptions,
  FileOutcome,
  Figure,
  LedgerRow,
  MeasureLine,
  RegisterEntry,
  Revision,
  SectorDataRow,
  SectorTotalRow,
  Submission,
} from "./types";

/** Organisation codes are compared trimmed and without regard to case. */
export const orgKey = (code: string): string => code.trim().toUpperCase();
export const lineKey = (code: string, breakdown: string): string => `${code.trim().toUpperCase()}|${breakdown.trim().toLowerCase()}`;
const cellKeyOf = (f: { code: string; breakdown: string; month: string }) => `${lineKey(f.code, f.breakdown)}|${f.month}`;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const dateText = (serial: number) => gbDate(serialToDate(serial));

/** Newer first is > 0: Signed off on, months reported, modification time, then SHA-256 (a fixed order for ties). */
export function compareNewness(a: Submission, b: Submission): number {
  return verified(a) - verified(b) || (signedOn(a) ?? -1) - (signedOn(b) ?? -1) || a.monthsReported - b.monthsReported || a.modifiedAt - b.modifiedAt || byText(a.sha256, b.sha256);
}

/** A sign-off that holds ranks a return above every other (1), whatever the dates and times. */
function verified(s: Submission): number {
  return s.signOff === "signed-off" ? 1 : 0;
}

/** The sign-off date that counts: a verified one's (or a ledger row's from before sign-offs were verified); a typed date alone does not. */
function signedOn(s: Submission): number | undefined {
  return s.signOff === "signed-off" || s.signOff === undefined ? s.signedOffOn : undefined;
}

function describeNewness(s: Submission): string {
  const on = signedOn(s);
  const parts = [on !== undefined ? `signed off on ${dateText(on)}` : "not signed off", `${plural(s.monthsReported, "month")} reported`];
  return parts.join(", ");
}

/** Whether a submission's figures can be used: no check errors, a sign-off not broken, and signed off when that is required. */
function usable(s: Submission, options: CollateOptions): boolean {
  return s.errors === 0 && s.signOff !== "changed" && !(options.requireSignOff && s.signOff === "not-signed-off");
}

function named(s: Submission): NamedSubmission {
  return { file: baseName(s.file), newness: describeNewness(s) };
}

/** A ledger row of an earlier collation as a submission (its figures from the earlier SectorData when it was in use). */
function fromLedger(row: LedgerRow, data: readonly SectorDataRow[]): Submission {
  const sub: Submission = { file: row.file, sha256: row.sha256, modifiedAt: 0, lines: [], figures: [], monthsReported: row.monthsReported ?? 0, errors: row.errors ?? 0, warnings: row.warnings ?? 0 };
  if (row.organisationCode !== undefined) sub.organisationCode = row.organisationCode;
  if (row.organisation !== undefined) sub.organisation = row.organisation;
  if (row.reportingYearStart !== undefined) sub.yearStart = row.reportingYearStart;
  if (row.signedOffOn !== undefined) sub.signedOffOn = row.signedOffOn;
  if (row.signOff !== undefined) sub.signOff = row.signOff;
  if (row.explained !== undefined) sub.explained = row.explained;
  if (row.framework !== undefined) sub.framework = { id: row.framework, version: row.frameworkVersion ?? 1, title: row.framework };
  if (row.status === "rejected") sub.problem = row.reason;
  if (row.status === "accepted" && row.organisationCode !== undefined && row.reportingYearStart !== undefined) {
    const months = new Set(reportingMonths(ym(row.reportingYearStart)).map(isoMonth));
    const key = orgKey(row.organisationCode);
    const seen = new Map<string, MeasureLine>();
    for (const d of data) {
      if (orgKey(d.organisationCode) !== key || !months.has(d.month)) continue;
      sub.figures.push({ code: d.code, breakdown: d.breakdown, month: d.month, value: d.value });
      const lk = lineKey(d.code, d.breakdown);
      if (!seen.has(lk)) seen.set(lk, { code: d.code, breakdown: d.breakdown, label: d.measure, unit: d.unit, kind: d.kind });
    }
    // The earlier framework's rows are not in the ledger: the rows it reported stand for them.
    sub.lines = [...seen.values()];
  }
  return sub;
}

interface Entry {
  sub: Submission;
  /** From the previous ledger (not read in this run). */
  earlier: boolean;
  earlierRow?: LedgerRow;
  status?: FileOutcome["status"];
  reason?: string;
}

function ledgerRow(e: Entry): FileOutcome {
  const s = e.sub;
  const row: FileOutcome = { file: s.file, sha256: s.sha256, status: e.status!, reason: e.reason! };
  if (s.organisationCode !== undefined) row.organisationCode = s.organisationCode;
  if (s.organisation !== undefined) row.organisation = s.organisation;
  if (s.yearStart !== undefined) row.reportingYearStart = s.yearStart;
  if (s.framework) {
    row.framework = s.framework.id;
    row.frameworkVersion = s.framework.version;
  }
  if (s.problem === undefined || s.framework) row.monthsReported = s.monthsReported;
  if (s.signedOffOn !== undefined) row.signedOffOn = s.signedOffOn;
  if (s.signOff !== undefined && (e.status !== "rejected" || s.framework)) row.signOff = s.signOff;
  if (e.status !== "rejected" || s.framework) {
    row.errors = s.errors;
    row.warnings = s.warnings;
    if (s.explained !== undefined) row.explained = s.explained;
  }
  if (!e.earlier) row.submission = s;
  return row;
}

export function collate(submissions: readonly Submission[], options: CollateOptions): Collation {
  const dueDay = options.dueDay ?? 15;
  const minimumCoverage = options.minimumCoverage ?? DEFAULT_MINIMUM_COVERAGE;
  const entries: Entry[] = [];
  const previous = options.previous;
  const earlierShas = new Set<string>();
  for (const row of previous?.ledger ?? []) {
    if (earlierShas.has(row.sha256) && row.status !== "duplicate") continue;
    earlierShas.add(row.sha256);
    const e: Entry = { sub: fromLedger(row, previous?.sectorData ?? []), earlier: true, earlierRow: row };
    if (row.status === "duplicate" || row.status === "rejected") {
      e.status = row.status;
      e.reason = row.reason;
    }
    entries.push(e);
  }

  // 1. Duplicates. Files in a fixed order (SHA-256, then name), so the original does not depend on input order.
  // The original of identical files is the earliest modified (then the first by name).
  const fresh = [...submissions].sort((a, b) => byText(a.sha256, b.sha256) || a.modifiedAt - b.modifiedAt || byText(baseName(a.file), baseName(b.file)) || byText(a.file, b.file));
  const originals = new Map<string, Entry>();
  for (const e of entries) if (e.status !== "duplicate" && !originals.has(e.sub.sha256)) originals.set(e.sub.sha256, e);
  for (const sub of fresh) {
    // A file that could not be read (no SHA-256, or bytes that are no return: two empty files
    // have the same SHA-256) is never anyone's duplicate, nor anyone's original.
    const countable = sub.sha256 !== "" && !sub.unreadable;
    const original = countable ? originals.get(sub.sha256) : undefined;
    const e: Entry = { sub, earlier: false };
    if (original) {
      e.status = "duplicate";
      e.reason = REASON.duplicate(baseName(original.sub.file), original.earlier);
      // Its contents are the original's.
      e.sub = { ...original.sub, file: sub.file, sha256: sub.sha256, modifiedAt: sub.modifiedAt, ...(sub.issues ? { issues: sub.issues } : {}) };
    } else if (countable) originals.set(sub.sha256, e);
    entries.push(e);
  }

  // 2. Rejected.
  const live = entries.filter((e) => e.status === undefined);
  const sectorCodes = new Set((options.sectorCodes ?? mainFrameworkCodes(live.map((e) => e.sub))).map((c) => c.toUpperCase()));
  for (const e of live) {
    const s = e.sub;
    if (s.problem !== undefined) {
      e.status = "rejected";
      e.reason = s.problem;
    } else if (!s.organisationCode) {
      e.status = "rejected";
      e.reason = REASON.noOrganisationCode();
    } else if (!s.yearStart) {
      e.status = "rejected";
      e.reason = REASON.noYearStart();
    } else if (s.lines.length > 0 && !s.lines.some((l) => sectorCodes.has(l.code.toUpperCase()))) {
      e.status = "rejected";
      e.reason = REASON.noMeasureInCommon(s.framework?.id);
    }
  }

  // 3. Per organisation and reporting year, in order of newness.
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.status !== undefined) continue;
    const key = `${orgKey(e.sub.organisationCode!)}|${e.sub.yearStart!}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const inUse: Submission[] = [];
  const revisions: Revision[] = [...(previous?.revisions ?? [])];
  const heldLatest: Entry[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => compareNewness(a.sub, b.sub));
    const clean = group.filter((e) => usable(e.sub, options));
    const current = clean[clean.length - 1];
    if (current) inUse.push(current.sub);
    for (const e of group) {
      const s = e.sub;
      if (s.signOff === "changed") {
        // Never in use, never a replacement for a return whose sign-off holds: held, whatever its dates.
        e.status = "held";
        e.reason = REASON.changedSinceSignOff(s.changedCells ?? [], current ? named(current.sub) : undefined);
      } else if (s.errors > 0 && current && compareNewness(current.sub, s) > 0) {
        // An older return with errors that a newer clean one replaced: superseded, as any older one.
        e.status = "superseded";
        e.reason = REASON.replacedHadErrors(named(current.sub), s.errors);
      } else if (s.errors > 0) {
        e.status = "held";
        e.reason = REASON.held(s.errors, current ? named(current.sub) : undefined);
      } else if (!usable(s, options)) {
        // Not signed off, where a sign-off is required.
        if (current && compareNewness(current.sub, s) > 0) {
          e.status = "superseded";
          e.reason = REASON.replaced(named(current.sub), describeNewness(s));
        } else {
          e.status = "held";
          e.reason = REASON.notSignedOff(current ? named(current.sub) : undefined);
        }
      } else if (e === current) {
        e.status = "accepted";
        e.reason = REASON.inUse(describeNewness(s), clean.length);
      } else {
        e.status = "superseded";
        const newer = clean[clean.indexOf(e) + 1]!;
        e.reason = REASON.replaced(named(newer.sub), describeNewness(s));
      }
    }
    const latest = group[group.length - 1]!;
    if (latest.status === "held") heldLatest.push(latest);
    for (let i = 1; i < clean.length; i++) revisions.push(...revise(clean[i - 1]!.sub, clean[i]!.sub));
  }

  // Measure rows: the newest framework's wording first.
  const withLines = entries.filter((e) => e.status !== "rejected" && e.status !== "duplicate" && e.sub.framework && !e.earlier);
  const frameworks = [...withLines, ...entries.filter((e) => e.earlier && e.status === "accepted")].sort(
    (a, b) => (b.sub.framework?.version ?? 0) - (a.sub.framework?.version ?? 0) || byText(a.sub.framework?.id ?? "", b.sub.framework?.id ?? "") || byText(a.sub.sha256, b.sub.sha256),
  );
  const lineMap = new Map<string, MeasureLine>();
  for (const e of frameworks) for (const l of e.sub.lines) if (!lineMap.has(lineKey(l.code, l.breakdown))) lineMap.set(lineKey(l.code, l.breakdown), l);
  const lines = [...lineMap.values()];
  const lineOrder = new Map(lines.map((l, i) => [lineKey(l.code, l.breakdown), i]));

  // Organisations: the register, then those found in returns.
  const register = new Map<string, RegisterEntry>();
  for (const r of options.register ?? []) if (r.organisationCode.trim() !== "" && !register.has(orgKey(r.organisationCode))) register.set(orgKey(r.organisationCode), r);
  const newestName = new Map<string, { name?: string; homes?: number; code: string; sub: Submission }>();
  for (const e of entries) {
    const s = e.sub;
    if (e.status === "rejected" || e.status === "duplicate" || !s.organisationCode) continue;
    const key = orgKey(s.organisationCode);
    const had = newestName.get(key);
    if (!had || byText(had.sub.yearStart ?? "", s.yearStart ?? "") < 0 || (had.sub.yearStart === s.yearStart && compareNewness(had.sub, s) < 0)) {
      newestName.set(key, { code: s.organisationCode, sub: s, ...(s.organisation !== undefined ? { name: s.organisation } : {}), ...(s.homesManaged !== undefined ? { homes: s.homesManaged } : {}) });
    }
  }
  const orgKeys = [...new Set([...register.keys(), ...newestName.keys()])].sort(byText);
  const organisations = orgKeys.map((key) => {
    const r = register.get(key);
    const found = newestName.get(key);
    const homes = r?.homesManaged ?? found?.homes;
    return { organisationCode: r?.organisationCode.trim() ?? found!.code, organisation: r?.organisation?.trim() || found?.name || "", onRegister: r !== undefined, ...(homes !== undefined ? { homesManaged: homes } : {}) };
  });
  const orgName = new Map(organisations.map((o) => [orgKey(o.organisationCode), o]));

  // Sector data: every figure of the submissions in use; one figure per organisation and cell (the latest reporting year's).
  // Half a million figures at the size of the sector: each figure's keys are worked out once
  // (the line's key cached by code and breakdown), and rows are sorted within each organisation
  // (inUse is in organisation order, so the organisations' rows follow one another already).
  inUse.sort((a, b) => byText(orgKey(a.organisationCode!), orgKey(b.organisationCode!)) || byText(a.yearStart!, b.yearStart!));
  const lineKeys = new Map<string, Map<string, string>>();
  const lineKeyOf = (code: string, breakdown: string): string => {
    let byBreakdown = lineKeys.get(code);
    if (!byBreakdown) lineKeys.set(code, (byBreakdown = new Map()));
    let key = byBreakdown.get(breakdown);
    if (key === undefined) byBreakdown.set(breakdown, (key = lineKey(code, breakdown)));
    return key;
  };
  // A figure's measure row as the collation names it (the line's words; the figure's own when no line has it).
  const lineOf = (figure: { code: string; breakdown: string; month: string }, lk: string) => {
    const line = lineMap.get(lk);
    return {
      code: line?.code ?? figure.code,
      measure: line?.label ?? figure.code,
      breakdown: line?.breakdown ?? figure.breakdown,
      unit: line?.unit ?? ("count" as const),
      kind: line?.kind ?? ("flow" as const),
      month: figure.month,
    };
  };
  const rank = (r: { code: string; breakdown: string }) => lineOrder.get(lineKeyOf(r.code, r.breakdown)) ?? lines.length;
  interface CellFigure {
    sub: Submission;
    figure: Figure;
    lineKey: string;
    cellKey: string;
  }
  const cellFigures: CellFigure[] = [];
  const data: SectorDataRow[] = [];
  for (let i = 0; i < inUse.length; ) {
    const key = orgKey(inUse[i]!.organisationCode!);
    const mine = new Map<string, CellFigure>();
    for (; i < inUse.length && orgKey(inUse[i]!.organisationCode!) === key; i++) {
      const sub = inUse[i]!;
      for (const figure of sub.figures) {
        const lk = lineKeyOf(figure.code, figure.breakdown);
        const cellKey = `${lk}|${figure.month}`;
        mine.set(cellKey, { sub, figure, lineKey: lk, cellKey });
      }
    }
    const org = orgName.get(key);
    const keyed = [...mine.values()].map((c) => ({ c, rank: lineOrder.get(c.lineKey) ?? lines.length }));
    keyed.sort((a, b) => a.rank - b.rank || byText(a.c.figure.month, b.c.figure.month));
    for (const { c } of keyed) {
      cellFigures.push(c);
      data.push({
        organisationCode: org?.organisationCode ?? c.sub.organisationCode!,
        organisation: org?.organisation ?? c.sub.organisation ?? "",
        ...lineOf(c.figure, c.lineKey),
        value: c.figure.value,
      });
    }
  }

  // Totals per measure row per month. Stocks add up across organisations for the same month only: nothing adds across months.
  const homes = new Map(inUse.map((sub) => [sub, register.get(orgKey(sub.organisationCode!))?.homesManaged ?? sub.homesManaged]));
  const totalMap = new Map<string, SectorTotalRow>();
  const orgsInUse = new Map<string, Submission[]>();
  for (const sub of inUse) orgsInUse.set(orgKey(sub.organisationCode!), [...(orgsInUse.get(orgKey(sub.organisationCode!)) ?? []), sub]);
  for (const { sub, figure, lineKey: lk, cellKey } of cellFigures) {
    let t = totalMap.get(cellKey);
    if (!t) {
      t = {
        ...lineOf(figure, lk),
        organisations: 0,
        homesCovered: 0,
        reportedTotal: 0,
        notInFramework: 0,
        homesUnknown: 0,
      };
      totalMap.set(cellKey, t);
    }
    t.organisations++;
    t.reportedTotal += figure.value;
    const h = homes.get(sub);
    if (h === undefined) t.homesUnknown++;
    else t.homesCovered += h;
  }
  const totals = [...totalMap.values()];
  // Per submission in use: its months and the rows its framework has (worked out once).
  const shapes = new Map<Submission, { months: Set<string>; lines: Set<string> }>();
  for (const sub of inUse) shapes.set(sub, { months: new Set(reportingMonths(ym(sub.yearStart!)).map(isoMonth)), lines: new Set(sub.lines.map((l) => lineKey(l.code, l.breakdown))) });
  for (const t of totals) {
    const lk = lineKey(t.code, t.breakdown);
    for (const subs of orgsInUse.values()) {
      const sub = subs.find((s) => shapes.get(s)!.months.has(t.month));
      if (sub && sub.lines.length > 0 && !shapes.get(sub)!.lines.has(lk)) t.notInFramework++;
    }
    t.reportedTotal = roundSum(t.reportedTotal);
    const estimate = scaledEstimate(t, options.sectorHomes, minimumCoverage);
    if (estimate.coverage !== undefined) t.coverage = estimate.coverage;
    if (estimate.scaledEstimate !== undefined) t.scaledEstimate = estimate.scaledEstimate;
    else t.estimateNote = estimate.note;
  }
  totals.sort((a, b) => rank(a) - rank(b) || byText(a.month, b.month));

  // Chase list.
  const chase = chaseList(options, dueDay, organisations, inUse, heldLatest, entries);

  // Files: by organisation, year and newness; then those without an organisation by SHA-256.
  const files = entries.map(ledgerRow);
  const sortKey = (f: FileOutcome) => (f.organisationCode ? orgKey(f.organisationCode) : "");
  const subOf = new Map(files.map((f, i) => [f, entries[i]!.sub]));
  files.sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    if ((ka === "") !== (kb === "")) return ka === "" ? 1 : -1;
    return byText(ka, kb) || byText(a.reportingYearStart ?? "", b.reportingYearStart ?? "") || compareNewness(subOf.get(a)!, subOf.get(b)!) || byText(a.sha256, b.sha256) || byText(a.file, b.file);
  });
  revisions.sort((a, b) => byText(orgKey(a.organisationCode), orgKey(b.organisationCode)) || rank(a) - rank(b) || byText(a.month, b.month) || byText(a.file, b.file));

  const reflections = gatherReflections(inUse, (sub) => {
    const org = orgName.get(orgKey(sub.organisationCode!));
    return { organisationCode: org?.organisationCode ?? sub.organisationCode!, organisation: org?.organisation ?? sub.organisation ?? "" };
  }, previous?.reflections);
  const collation: Collation = { asOf: options.asOf, files, organisations, lines, data, totals, revisions, chase, reflections, minimumCoverage };
  if (options.sectorHomes !== undefined) collation.sectorHomes = options.sectorHomes;
  if (options.requireSignOff) collation.requireSignOff = true;
  return collation;
}

/** The sector's measure codes when not given: those of the framework most returns use (by id; a tie goes to the first id). */
function mainFrameworkCodes(subs: readonly Submission[]): string[] {
  const counts = new Map<string, number>();
  for (const s of subs) if (s.problem === undefined && s.framework && s.lines.length > 0) counts.set(s.framework.id, (counts.get(s.framework.id) ?? 0) + 1);
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]?.[0];
  return subs.filter((s) => s.framework?.id === main).flatMap((s) => s.lines.map((l) => l.code));
}

/** What `newer` changed or blanked of `older`'s figures (rows `newer`'s framework does not have are not revisions). */
export function revise(older: Submission, newer: Submission): Revision[] {
  const now = new Map(newer.figures.map((f) => [cellKeyOf(f), f]));
  const newerLines = new Set(newer.lines.map((l) => lineKey(l.code, l.breakdown)));
  const out: Revision[] = [];
  for (const f of older.figures) {
    const n = now.get(cellKeyOf(f));
    if (n && n.value === f.value) continue;
    if (!n && newer.lines.length > 0 && !newerLines.has(lineKey(f.code, f.breakdown))) continue;
    const r: Revision = { organisationCode: newer.organisationCode ?? older.organisationCode ?? "", code: f.code, breakdown: f.breakdown, month: f.month, was: f.value, file: newer.file, previousFile: older.file };
    if (n) r.now = n.value;
    out.push(r);
  }
  return out;
}

function chaseList(
  options: CollateOptions,
  dueDay: number,
  organisations: Collation["organisations"],
  inUse: readonly Submission[],
  heldLatest: readonly Entry[],
  entries: readonly Entry[],
): ChaseRow[] {
  const asOf = excelSerial(options.asOf.year, options.asOf.month, options.asOf.day);
  const dueOn = (month: string) => {
    const next = addMonths(ym(month), 1);
    return excelSerial(next.year, next.month, Math.min(dueDay, 28));
  };
  const begun = (yearStart: string) => {
    const start = ym(yearStart);
    return excelSerial(start.year, start.month, 1) <= asOf;
  };
  const dueIn = (yearStart: string) => reportingMonths(ym(yearStart)).map(isoMonth).filter((m) => dueOn(m) <= asOf);
  // The reporting years collated that have begun; the latest of them is the current one (else the year containing the date).
  const counted = entries.filter((e) => (e.status === "accepted" || e.status === "held" || e.status === "superseded") && e.sub.yearStart && begun(e.sub.yearStart));
  const years = new Map<string, Set<string>>();
  for (const e of counted) {
    const key = orgKey(e.sub.organisationCode!);
    years.set(key, (years.get(key) ?? new Set<string>()).add(e.sub.yearStart!));
  }
  const current = counted.map((e) => e.sub.yearStart!).sort(byText).pop() ?? yearContaining(options.asOf, counted[0]?.sub.yearStart);
  const reported = new Map<string, Set<string>>();
  const addReported = (sub: Submission) => {
    const key = orgKey(sub.organisationCode!);
    const set = reported.get(key) ?? new Set<string>();
    for (const f of sub.figures) set.add(f.month);
    reported.set(key, set);
  };
  for (const sub of inUse) addReported(sub);
  // A held return's months are not chased: the organisation is asked once, for a corrected return.
  for (const e of heldLatest) addReported(e.sub);

  const chased = (options.register?.length ?? 0) > 0 ? organisations.filter((o) => o.onRegister) : organisations;
  const rows: ChaseRow[] = [];
  for (const o of chased) {
    const key = orgKey(o.organisationCode);
    const done = reported.get(key);
    const theirs = years.get(key);
    const due = [...new Set([...(theirs ?? []), current])].flatMap(dueIn).sort(byText);
    for (const month of due) {
      if (done?.has(month)) continue;
      const when = dateText(dueOn(month));
      rows.push({ kind: "missing", organisationCode: o.organisationCode, organisation: o.organisation, month, why: theirs ? CHASE.notReported(monthLabel(ym(month)), when) : CHASE.nothingReceived(monthLabel(ym(month)), when) });
    }
  }
  const byKey = new Map(organisations.map((o) => [orgKey(o.organisationCode), o]));
  for (const e of heldLatest) {
    const s = e.sub;
    const o = byKey.get(orgKey(s.organisationCode!));
    const last = s.figures.reduce((m, f) => (f.month > m ? f.month : m), s.yearStart!);
    rows.push({ kind: "held", organisationCode: o?.organisationCode ?? s.organisationCode!, organisation: o?.organisation ?? s.organisation ?? "", month: last, why: CHASE.held(baseName(s.file), s) });
  }
  return rows.sort((a, b) => byText(orgKey(a.organisationCode), orgKey(b.organisationCode)) || byText(a.month, b.month) || byText(a.why, b.why));
}

/** The reporting year (ISO start month) that contains a date, starting in the month the returns' years start in (April if none). */
function yearContaining(date: { year: number; month: number }, sampleStart: string | undefined): string {
  const startMonth = sampleStart ? ym(sampleStart).month : 4;
  const year = date.month >= startMonth ? date.year : date.year - 1;
  return isoMonth({ year, month: startMonth });
}
