/**
 * Excel's message boxes for the preview grid: the protected-cell message and data validation's
 * alerts (Stop: Retry / Cancel; Warning: Yes / No / Cancel; Information: OK / Cancel). A modal
 * alert dialog named by its title and described by its message; the default button has the focus;
 * Tab and Shift+Tab cycle its buttons; Enter chooses the focused one; Esc chooses Cancel (or OK when
 * that is the only button). Characters typed into it (Space too) are swallowed: they are the rest
 * of a fast typist's entry, and must not press a button (a word's space pressing Retry sent the
 * following words into the cell behind).
 *
 * It is the browser's own modal `<dialog>` (showModal), not Fluent's Dialog: opening and closing
 * are synchronous, the rest of the page is inert while it is open (keys cannot reach the cell
 * behind it, Tab stays in it), and focus goes back to the grid the moment a button is chosen.
 * Fluent's Dialog moved focus in an effect and handed it back through tabster's timers (a 100 ms
 * "pull focus back into the modal"), so under load a reopened alert kept no focus - tabster then
 * hid the open dialog itself with aria-hidden="true" - and keys typed right after Retry went to the
 * closing dialog instead of the cell. Mount one GridAlert per alert (a new `key`) and unmount it
 * when it is answered.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle24Filled, Info24Filled, Warning24Filled } from "@fluentui/react-icons";
import { useId, useLayoutEffect, useRef, type SyntheticEvent } from "react";

const useStyles = makeStyles({
  surface: {
    boxSizing: "border-box",
    width: "min(600px, calc(100vw - 32px))",
    maxWidth: "600px",
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "::backdrop": { backgroundColor: tokens.colorBackgroundOverlay },
  },
  title: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  warning: { color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  info: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  message: { margin: 0, whiteSpace: "pre-line" },
  actions: { display: "flex", justifyContent: "flex-end", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXXL },
});

export interface GridAlertProps {
  title: string;
  message: string;
  intent: "error" | "warning" | "info";
  /** The buttons, first the default. */
  buttons: string[];
  /** Called once the dialog has closed (the page is no longer inert, so the caller can move focus). */
  onClose(choice: string): void;
}

export function GridAlert({ title, message, intent, buttons, onClose }: GridAlertProps) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const answered = useRef(false);
  const titleId = useId();
  const messageId = useId();
  const Icon = intent === "error" ? ErrorCircle24Filled : intent === "warning" ? Warning24Filled : Info24Filled;
  const escape = buttons.includes("Cancel") ? "Cancel" : buttons[buttons.length - 1]!;

  // Open as a modal when mounted (before the browser paints), with the default button focused.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === "function") {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute("open", ""); // jsdom has no showModal
    }
    dialog.querySelector<HTMLButtonElement>("button")?.focus();
    return () => close(dialog);
  }, []);

  const answer = (choice: string) => {
    if (answered.current) return;
    answered.current = true;
    if (ref.current) close(ref.current);
    onClose(choice);
  };

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      className={styles.surface}
      onCancel={(event: SyntheticEvent<HTMLDialogElement>) => {
        // Esc: the browser would close the dialog itself; answer instead, as Excel does.
        event.preventDefault();
        answer(escape);
      }}
      // Closed by the browser without a cancel event we could stop (Chrome allows that once per user activation): Esc all the same.
      onClose={() => answer(escape)}
      // A button is pressed by Space on key up: swallowed too.
      onKeyUp={(event) => {
        if (isCharacter(event)) event.preventDefault();
      }}
      // Tab and Shift+Tab cycle the buttons, as in Excel's message box: a modal <dialog> alone lets
      // Tab leave the page for the browser's own controls after the last button.
      onKeyDown={(event) => {
        // Characters typed while the alert opens are the rest of what was being typed: swallowed,
        // so a word's space cannot press Retry and send the next words into the cell behind.
        // Enter chooses the focused button, Esc cancels, Tab moves.
        if (isCharacter(event)) {
          event.preventDefault();
          return;
        }
        if (event.key !== "Tab") return;
        const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        const next = buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
        if (!next) return;
        event.preventDefault();
        next.focus();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        <Icon className={styles[intent]} aria-hidden="true" />
        {title}
      </h2>
      <p id={messageId} className={styles.message}>
        {message}
      </p>
      <div className={styles.actions}>
        {buttons.map((label, i) => (
          <Button key={label} appearance={i === 0 ? "primary" : "secondary"} onClick={() => answer(label)}>
            {label}
          </Button>
        ))}
      </div>
    </dialog>
  );
}

/** A key that types a character (Space included), not a shortcut. */
function isCharacter(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

function close(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === "function") {
    if (dialog.open) dialog.close();
  } else {
    dialog.removeAttribute("open");
  }
}
