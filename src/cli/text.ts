/**
 * Text from files is printed to a terminal only through these (the sanitiser is the core's,
 * src/core/safe-text.ts, shared with the receipts the task pane downloads).
 */
import { safeText } from "../core/safe-text";

export { safeText };

/** A message for standard error: one safe line (long messages are kept whole up to 2,000 characters). */
export function safeLine(text: string): string {
  return safeText(text.trim(), 2000);
}
