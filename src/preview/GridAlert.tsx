/**
 * Excel's message boxes for the preview grid: the protected-cell message and data validation's
 * alerts (Stop: Retry / Cancel; Warning: Yes / No / Cancel; Information: OK / Cancel). A modal
 * alert dialog; Esc chooses Cancel (or OK when that is the only button).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle24Filled, Info24Filled, Warning24Filled } from "@fluentui/react-icons";

const useStyles = makeStyles({
  title: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  warning: { color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  info: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  message: { whiteSpace: "pre-line" },
});

export interface GridAlertProps {
  /** Kept mounted and closed through `open`, so the dialog can give the page back to assistive technology as it closes. */
  open?: boolean;
  title: string;
  message: string;
  intent: "error" | "warning" | "info";
  /** The buttons, first the default. */
  buttons: string[];
  onClose(choice: string): void;
}

export function GridAlert({ open = true, title, message, intent, buttons, onClose }: GridAlertProps) {
  const styles = useStyles();
  const Icon = intent === "error" ? ErrorCircle24Filled : intent === "warning" ? Warning24Filled : Info24Filled;
  const escape = buttons.includes("Cancel") ? "Cancel" : buttons[buttons.length - 1]!;
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open || !open ? undefined : onClose(escape))}>
      <DialogSurface aria-describedby="grid-alert-message">
        <DialogBody>
          <DialogTitle className={styles.title}>
            <Icon className={styles[intent]} aria-hidden="true" />
            {title}
          </DialogTitle>
          <DialogContent id="grid-alert-message" className={styles.message}>
            {message}
          </DialogContent>
          <DialogActions>
            {buttons.map((label, i) => (
              <Button key={label} appearance={i === 0 ? "primary" : "secondary"} onClick={() => (open ? onClose(label) : undefined)}>
                {label}
              </Button>
            ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
