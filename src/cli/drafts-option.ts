/**
 * `collate --drafts DIR`: one unsent email draft (`.eml`) per organisation, written into DIR
 * (src/core/collate/drafts.ts makes them). The folder is made when missing and refused when it is
 * a file; each draft is written atomically and replaces a draft of the same name.
 */
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { collationDrafts, type Collation, type CollationDrafts, type DraftsOptions } from "../core/collate";
import { plural } from "../core/format";
import { writeFileAtomically } from "../xlsx/files";
import { InputError } from "./command";
import { safeText } from "./text";

/** Refuses, before any work, a --drafts that names a file. */
export async function checkDraftsFolder(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new InputError(`--drafts '${dir}' is a file, not a folder.`);
}

export interface DraftsWritten extends CollationDrafts {
  dir: string;
}

export async function writeDrafts(dir: string, collation: Collation, options: DraftsOptions): Promise<DraftsWritten> {
  await checkDraftsFolder(dir);
  await fs.mkdir(dir, { recursive: true });
  const made = collationDrafts(collation, options);
  for (const d of made.drafts) await writeFileAtomically(join(dir, d.fileName), Buffer.from(d.eml, "ascii"), { overwrite: true });
  return { dir, ...made };
}

const who = (d: { organisationCode: string; organisation: string }) => (d.organisation ? `${safeText(d.organisationCode, 40)} (${safeText(d.organisation, 80)})` : safeText(d.organisationCode, 40));

/** The report's lines about the drafts: how many, and one line naming the organisations with no usable address. */
export function draftsReport(w: DraftsWritten): string[] {
  const chase = w.drafts.filter((d) => d.kind === "chase").length;
  const lines = [`  Drafts:        ${plural(w.drafts.length, "email draft")} in ${safeText(w.dir, 200)} (${chase} to chase)`];
  const none = w.drafts.filter((d) => d.to === undefined);
  if (none.length > 0) {
    const shown = none.slice(0, 20).map(who).join(", ");
    lines.push(`  No email address (To left empty): ${shown}${none.length > 20 ? ` and ${none.length - 20} more` : ""}`);
  }
  if (w.withoutOrganisation.length > 0) lines.push(`  No draft for ${plural(w.withoutOrganisation.length, "file")} with no organisation code`);
  return lines;
}

/** The `drafts` field of --json (docs/cli.md). */
export function draftsJson(w: DraftsWritten): unknown {
  return {
    dir: w.dir,
    files: w.drafts.map((d) => ({ file: join(w.dir, d.fileName), organisationCode: d.organisationCode, kind: d.kind, status: d.status ?? null, to: d.to ?? null, note: d.note ?? null })),
    withoutOrganisation: w.withoutOrganisation,
  };
}
