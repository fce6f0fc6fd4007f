/**
 * Collate's files chosen: how far reading has got overall ("37 of 100 files read", with a bar),
 * and each file with its own progress while it is read, then its status and reason in plain words.
 */
import { memo } from "react";
import { Field, ProgressBar, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReadStage } from "../../collate-worker/protocol";
import type { FileOutcome, Submission } from "../../core/collate/types";
import { filesReadLine, fromWhom, STAGE_WORD, STATUS_MEANING, statusWordOf } from "../collate-display";
import { boxStyle } from "../view-styles";

export interface ChosenFile {
  name: string;
  stage: ReadStage;
  fraction: number;
  submission?: Submission;
  /** Its status once it has been added to the workbook (before, the view works out a preview). */
  added?: FileOutcome;
}

const useStyles = makeStyles({
  files: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { ...boxStyle, gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground1 },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  status: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorNeutralForeground1 },
  // Fluent's bar eases its width over 0.3 s. Width is animated on the page's thread, with layout
  // and paint every frame (https://web.dev/articles/animations-and-performance): with a bar a file and the
  // count's bar moving every tenth of a second, the pane drew a frame almost all the time, taking
  // a core from the readers. The bars step instead.
  still: { transitionProperty: "none" },
  reason: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** One file; drawn again only when its own progress or outcome changes (a hundred files update many times a second while they are read). */
const FileItem = memo(function FileItem({ f, outcome: o, index }: { f: ChosenFile; outcome: FileOutcome | undefined; index: number }) {
  const styles = useStyles();
  const tone = o ? (o.status === "accepted" ? styles.good : o.status === "rejected" || o.status === "held" ? styles.bad : styles.warn) : undefined;
  const who = o ? fromWhom(o) : undefined;
  return (
    <li className={styles.file} aria-labelledby={`collate-file-${index}`} data-status={o?.status ?? f.stage}>
      <h4 id={`collate-file-${index}`} className={styles.fileName}>
        {f.name}
      </h4>
      {o ? (
        <>
          <p className={mergeClasses(styles.status, tone)}>{statusWordOf(o)}</p>
          {who ? <p className={styles.reason}>{who}</p> : null}
          <p className={styles.reason}>
            {STATUS_MEANING[o.status]} {o.status === "accepted" ? "" : `Why: ${o.reason.replace(/[.\s]+$/, "")}.`}
          </p>
        </>
      ) : (
        <Field label={`${STAGE_WORD[f.stage]} ${f.name}`} validationState="none">
          <ProgressBar value={f.fraction} max={1} bar={{ className: styles.still }} />
        </Field>
      )}
    </li>
  );
});

/** The overall progress of reading: "37 of 100 files read" over a bar. */
export function ReadProgress({ done, total }: { done: number; total: number }) {
  const styles = useStyles();
  return (
    <Field label="Files read" validationState="none">
      <ProgressBar value={total === 0 ? 0 : done / total} max={1} thickness="large" bar={{ className: styles.still }} aria-valuetext={filesReadLine(done, total)} />
      <span data-testid="collate-files-read">{filesReadLine(done, total)}</span>
    </Field>
  );
}

/** The files chosen, in the order chosen, each with its outcome (preview or added) when read. */
export function FileList({ files, outcomes }: { files: readonly ChosenFile[]; outcomes: readonly (FileOutcome | undefined)[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.files} aria-label="Files chosen">
      {files.map((f, i) => (
        <FileItem key={`${i}|${f.name}`} f={f} outcome={outcomes[i]} index={i} />
      ))}
    </ul>
  );
}
