/**
 * The look the task pane's views share (Set up, Check, Summarise, Collate and their sections):
 * the view's column, its headings, intro and notes, rows of buttons, sections, the box about what
 * was written to the workbook, the time of the last run, focus rings on elements focused by
 * script, and text for screen readers only. Each view adds its own classes beside these.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

/** A box with a thin border and rounded corners, its contents in a column; each box adds its gap, padding and background. */
export const boxStyle = {
  display: "flex",
  flexDirection: "column",
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
} as const;

export const useViewStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  minorHeading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  /** The view's main button and what goes with it. */
  controls: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** A view's row of buttons. */
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  /** A form's fields, one under another. */
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** A form's row of buttons, closer together than a view's. */
  formActions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** A results heading and the line under it. */
  resultsHead: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  /** The line under the main button that says when it last ran. */
  statusLine: { display: "flex", alignItems: "center", minHeight: "20px" },
  /** When it last ran: a clock and the time. */
  stamp: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  /** What was written to the workbook, in a box. */
  workbook: { ...boxStyle, gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1 },
  /** Headings and messages that take focus (tabIndex -1) show it when it came from the keyboard. */
  focusTarget: {
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px", borderRadius: tokens.borderRadiusSmall },
  },
  /** Read by screen readers, not shown. */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});
