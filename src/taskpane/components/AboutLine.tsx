/**
 * The About line at the foot of the task pane: the add-in's version and the version of the
 * framework this workbook was set up with, to quote when reporting a problem. Read again each
 * time the user changes view, so it follows Set up.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ExistingReturn } from "../../core/return";
import { TOOL_LABEL } from "../../core/version";

const useStyles = makeStyles({
  about: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** The About line's words: "Impact Returns 0.1.0 · Framework: <title>, version <n>". */
export function aboutText(existing: ExistingReturn | undefined): string {
  const title = existing?.frameworkTitle ?? existing?.frameworkId;
  const framework =
    title === undefined
      ? "no framework set up in this workbook yet"
      : `framework ${title}${existing?.frameworkVersion !== undefined ? `, version ${existing.frameworkVersion}` : ""}`;
  return `About: ${TOOL_LABEL}; ${framework}.`;
}

export function AboutLine({ readExisting, refreshKey }: { readExisting: () => Promise<ExistingReturn>; refreshKey: string }) {
  const styles = useStyles();
  const [existing, setExisting] = useState<ExistingReturn | undefined>(undefined);
  useEffect(() => {
    let live = true;
    readExisting().then(
      (found) => {
        if (live) setExisting(found);
      },
      // The version alone still helps; a workbook that cannot be read is the views' to explain.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [readExisting, refreshKey]);
  return (
    <footer className={styles.about}>
      {aboutText(existing)}
    </footer>
  );
}
