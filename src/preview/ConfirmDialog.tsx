/**
 * The preview's "are you sure" question before work could be lost (replacing the workbook,
 * clearing the work saved in this browser): a modal Fluent alert dialog, named by its title and
 * described by its message, with focus kept inside it. Cancel comes first and has the focus, so an
 * accidental Enter loses nothing; Escape is Cancel. "Download first" downloads the workbook and
 * keeps asking. Focus goes back to the button that opened it (Fluent's restore-focus target: give
 * that button `useRestoreFocusTarget()`).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";

const useStyles = makeStyles({
  message: { margin: 0 },
  note: { margin: `${tokens.spacingVerticalS} 0 0`, color: tokens.colorNeutralForeground2 },
});

export interface ConfirmQuestion {
  title: string;
  message: string;
  /** The button that goes ahead, e.g. "Replace". */
  confirm: string;
}

export interface ConfirmDialogProps {
  question: ConfirmQuestion | undefined;
  /** A line under the message, e.g. "Downloaded RH01 impact return.xlsx." (announced). */
  note?: string | undefined;
  /** While true, only Cancel can be chosen (a download is being made). */
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** Offers "Download first" when given. */
  onDownload?: (() => void) | undefined;
}

export function ConfirmDialog({ question, note, busy = false, onConfirm, onCancel, onDownload }: ConfirmDialogProps) {
  const styles = useStyles();
  const messageId = useId();
  return (
    <Dialog
      modalType="alert"
      open={question !== undefined}
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface aria-describedby={messageId}>
        <DialogBody>
          <DialogTitle>{question?.title}</DialogTitle>
          <DialogContent>
            <p id={messageId} className={styles.message}>
              {question?.message}
            </p>
            <p className={styles.note} role="status">
              {note ?? ""}
            </p>
          </DialogContent>
          <DialogActions>
            {/* Cancel first: the dialog focuses its first button, and Enter must not lose work. */}
            <Button appearance="primary" onClick={onCancel}>
              Cancel
            </Button>
            {onDownload ? (
              <Button disabled={busy} onClick={onDownload}>
                Download first
              </Button>
            ) : null}
            <Button disabled={busy} onClick={onConfirm}>
              {question?.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
