/**
 * After "Add to this workbook": what goes back to the sector, as the command line's --bulletin,
 * --feedback and --drafts write it - the sector bulletin (.xlsx), each organisation's feedback
 * workbook (a .zip) and the email drafts (a .zip of .eml files). Each button says what it is for;
 * a note under it says what was downloaded (and, for the drafts, which organisations have no
 * address), and the view announces it politely. Acts only through the functions it is given.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, Mail20Regular, People20Regular } from "@fluentui/react-icons";
import { useState, type ReactElement } from "react";
import type { Downloaded } from "../actions/collate";
import { plural } from "../check-display";
import { useViewStyles } from "../view-styles";

export type DownloadKind = "bulletin" | "feedback" | "drafts";

export interface CollateDownloadsProps {
  /** Makes and saves the download; rejects with the reason when it cannot. */
  download: (kind: DownloadKind) => Promise<Downloaded>;
  /** What to announce to screen readers (politely). */
  onAnnounce: (text: string) => void;
  /** A download failed. */
  onError: (error: unknown, what: string) => void;
}

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

interface Choice {
  kind: DownloadKind;
  label: string;
  icon: ReactElement;
  help: string;
  what: string;
}

const CHOICES: Choice[] = [
  {
    kind: "bulletin",
    label: "Download the sector bulletin",
    icon: <ArrowDownload20Regular />,
    help: "An Excel workbook of the sector's totals by month, with charts. It shows no organisation's own figures, names or files, so it is safe to send to everyone. A figure from too few organisations is left out.",
    what: "the sector bulletin",
  },
  {
    kind: "feedback",
    label: "Download feedback for each organisation",
    icon: <People20Regular />,
    help: "A .zip with one Excel workbook for each organisation with a return in use. Each shows that organisation only its own figures beside the sector's, so send each one only to its own organisation.",
    what: "the feedback workbooks",
  },
  {
    kind: "drafts",
    label: "Download email drafts",
    icon: <Mail20Regular />,
    help: "A .zip of unsent emails, one for each organisation: what happened to its return and what to do next, with its receipt and feedback workbook attached, and a reminder for each one on the chase list. Open them in Outlook, check them and send; any organisation without an email address is listed here.",
    what: "the email drafts",
  },
];

/** The note under a button once its file is downloaded. */
function doneNote(kind: DownloadKind, d: Downloaded): string {
  if (kind === "bulletin") return `Downloaded ${d.name}.`;
  if (kind === "feedback") return `Downloaded ${d.name}: ${plural(d.count ?? 0, "feedback workbook")}.`;
  const none = d.withoutAddress ?? [];
  const list = none.length > 10 ? `${none.slice(0, 10).join(", ")} and ${(none.length - 10).toLocaleString("en-GB")} more` : none.join(", ");
  return `Downloaded ${d.name}: ${plural(d.count ?? 0, "email draft")}.${none.length > 0 ? ` No email address for ${list}: add it in Outlook before sending.` : " Every draft has an address."}`;
}

export function CollateDownloads({ download, onAnnounce, onError }: CollateDownloadsProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const [busy, setBusy] = useState<DownloadKind | undefined>(undefined);
  const [done, setDone] = useState<Partial<Record<DownloadKind, string>>>({});

  const start = async (choice: Choice) => {
    if (busy) return;
    setBusy(choice.kind);
    onAnnounce(`Making ${choice.what}…`);
    try {
      const d = await download(choice.kind);
      const note = doneNote(choice.kind, d);
      setDone((current) => ({ ...current, [choice.kind]: note }));
      onAnnounce(note);
    } catch (e) {
      onError(e, `Downloading ${choice.what}`);
      onAnnounce(`${choice.what[0]!.toUpperCase()}${choice.what.slice(1)} could not be downloaded.`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <ul className={styles.list} data-testid="collate-downloads" aria-label="Files to send back">
      {CHOICES.map((choice) => (
        <li key={choice.kind} className={styles.item}>
          <Button icon={choice.icon} disabledFocusable={busy !== undefined} aria-describedby={`collate-download-${choice.kind}-help`} onClick={() => void start(choice)}>
            {choice.label}
          </Button>
          <p id={`collate-download-${choice.kind}-help`} className={common.note}>
            {choice.help}
          </p>
          {done[choice.kind] ? (
            <p className={common.note} data-testid={`collate-download-${choice.kind}-note`}>
              {done[choice.kind]}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
