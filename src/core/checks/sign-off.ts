/**
 * Whether a return's sign-off holds, worked out the same wherever a return is read (Check in the
 * pane and on files, Summarise, Collate): *signed off* (a Data checksum that matches the data),
 * *changed since sign-off* (a checksum that does not match; the changed cells named where the
 * sign-off's fingerprints allow), or *not signed off* (no checksum: a "Signed off on" date typed by
 * hand is not a sign-off). docs/checks.md, "The data checksum", and docs/sector-format.md.
 */
import { readDateSerial, serialIsoDate } from "../calendar";
import { plural, serialDateText } from "../format";
import { text, type ReturnData } from "../return";
import { returnChecksum } from "./checksum";
import { changedSinceSignOff, type CoveredCell } from "./sign-off-cells";

export type SignOffState = "signed-off" | "changed" | "not-signed-off";

/** How each state is shown in a column or a report ("Sign-off" in the sector's Submissions table). */
export const SIGN_OFF_LABEL: Record<SignOffState, string> = {
  "signed-off": "Signed off",
  changed: "Changed since sign-off",
  "not-signed-off": "Not signed off",
};

export interface SignOffStatus {
  state: SignOffState;
  /** "Signed off on" as an ISO date, when it holds a date. */
  signedOffOn?: string;
  signedOffBy?: string;
  /** For a changed return: the cells changed since sign-off, "Measures!F2", when the sign-off recorded its cells. */
  changedCells?: string[];
  /** True when "Signed off on" or "Signed off by" is filled in but there is no Data checksum. */
  typedOnly?: boolean;
  /** One plain sentence saying which it is. */
  note: string;
}

/** The changed cells named in a note; the rest are counted. */
const CELLS_NAMED = 5;

/** A return's sign-off verified: its status, and the cells changed since (empty when they cannot be named). */
export interface SignOffVerdict {
  status: SignOffStatus;
  changed?: CoveredCell[];
}

/** Verifies a return's sign-off against its data as read. */
export function verifySignOff(data: ReturnData): SignOffVerdict {
  const details = data.details;
  const recorded = recordedChecksum(data);
  const serial = readDateSerial(details?.signedOffOn);
  const by = details?.signedOffBy?.trim() || undefined;
  const out = (s: Omit<SignOffStatus, "signedOffOn" | "signedOffBy">): SignOffStatus => ({
    ...s,
    ...(serial !== undefined ? { signedOffOn: serialIsoDate(serial) } : {}),
    ...(by ? { signedOffBy: by } : {}),
  });
  if (recorded === undefined) {
    const typedOnly = serial !== undefined || by !== undefined || text(details?.signedOffOn ?? null) !== "";
    const status = out({
      state: "not-signed-off",
      ...(typedOnly ? { typedOnly: true } : {}),
      note: typedOnly
        ? `Not signed off: the return says it was signed off${serial !== undefined ? ` on ${serialDateText(serial)}` : ""}, but it has no Data checksum, so it was not marked ready to send with Impact Returns and later changes cannot be spotted. Check it and use Mark ready to send.`
        : "Not signed off: the return has not been marked ready to send.",
    });
    return { status };
  }
  if (recorded === returnChecksum(data)) {
    return { status: out({ state: "signed-off", note: `Signed off${by ? ` by ${by}` : ""}${serial !== undefined ? ` on ${serialDateText(serial)}` : ""}: the data is as it was when marked ready to send.` }) };
  }
  const changed = changedSinceSignOff(data, recorded) ?? [];
  const cells = changed.map((c) => `${c.at.sheet}!${c.at.cell}`);
  const named = cells.slice(0, CELLS_NAMED).join(", ");
  const more = cells.length > CELLS_NAMED ? ` and ${plural(cells.length - CELLS_NAMED, "more cell")}` : "";
  const status = out({
    state: "changed",
    ...(cells.length > 0 ? { changedCells: cells } : {}),
    note: `Changed since sign-off: ${cells.length > 0 ? `${plural(cells.length, "cell")} changed after the return was marked ready to send (${named}${more})` : "the data changed after the return was marked ready to send"}. Check the changes, then mark it ready to send again.`,
  });
  return { status, changed };
}

/** The Data checksum the sign-off recorded, without its "sha256:" prefix; undefined when there is none. */
export function recordedChecksum(data: ReturnData): string | undefined {
  const cell = data.details?.checksum;
  if (!cell) return undefined;
  const t = text(cell.cell.value).toLowerCase().replace(/^sha-?256:/, "");
  return t === "" ? undefined : t;
}

/** The sign-off in a few words, for a board summary's title block. */
export function signOffInBrief(status: SignOffStatus): string {
  const on = status.signedOffOn ? ` on ${serialDateText(readDateSerial(status.signedOffOn)!)}` : "";
  switch (status.state) {
    case "signed-off":
      return `Signed off${status.signedOffBy ? ` by ${status.signedOffBy}` : ""}${on}.`;
    case "changed":
      return `Changed since it was signed off${on}: these are not the figures signed off.`;
    case "not-signed-off":
      return "Not signed off.";
  }
}
