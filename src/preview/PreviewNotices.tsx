/**
 * The preview's notices: the banner line under the toolbar (what just happened: a workbook
 * replaced, with its Undo; work restored from this browser, with Clear saved work; a download;
 * an error), dismissible as Fluent MessageBars are, and the line saying whether the work is kept in
 * this browser ("Saved in this browser"), with the model version it saved for tests to wait on.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens, type useRestoreFocusTarget } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useSyncExternalStore, type Ref } from "react";
import type { WorkSaver } from "./saved-workbook";

/** What a notice offers besides Dismiss. */
export type NoticeAction = "undo" | "clear";

export interface Notice {
  intent: "success" | "error" | "info" | "warning";
  text: string;
  hint?: string | undefined;
  action?: NoticeAction | undefined;
}

const ACTION_LABEL: Record<NoticeAction, string> = { undo: "Undo", clear: "Clear it" };

export interface NoticeBarProps {
  notice: Notice;
  onAction(action: NoticeAction): void;
  onDismiss(): void;
  /** Given to the action's button (focus moves there after a replacement, so Undo is one key away). */
  actionRef?: Ref<HTMLButtonElement> | undefined;
  /** Attributes making the action's button the place focus returns to after a dialog it opens. */
  restoreFocus?: ReturnType<typeof useRestoreFocusTarget> | undefined;
}

export function NoticeBar({ notice, onAction, onDismiss, actionRef, restoreFocus }: NoticeBarProps) {
  const { action } = notice;
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        {notice.text}
        {notice.hint ? ` ${notice.hint}` : ""}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button aria-label="Dismiss" appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />}
      >
        {action ? (
          <Button ref={actionRef} {...restoreFocus} onClick={() => onAction(action)}>
            {ACTION_LABEL[action]}
          </Button>
        ) : null}
      </MessageBarActions>
    </MessageBar>
  );
}

const useStyles = makeStyles({
  saved: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface SavedStateProps {
  saver: WorkSaver;
  onClear(): void;
  onKeep(): void;
  /** Attributes making "Clear saved work" the place focus returns to after its dialog. */
  restoreFocus?: ReturnType<typeof useRestoreFocusTarget> | undefined;
}

/** "Saved in this browser" and its Clear saved work; or why nothing is kept. */
export function SavedState({ saver, onClear, onKeep, restoreFocus }: SavedStateProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(saver.subscribe, saver.getState);
  const keepRef = useRef<HTMLButtonElement>(null);
  const wasOff = useRef(state.kind === "off");
  useEffect(() => {
    // Cleared just now: its button is gone, so focus goes to the one that took its place.
    if (state.kind === "off" && !wasOff.current) keepRef.current?.focus();
    wasOff.current = state.kind === "off";
  }, [state.kind]);
  const version = state.kind === "saved" || state.kind === "blank" ? String(state.version) : undefined;
  return (
    <span className={styles.saved} data-testid="saved-state" data-state={state.kind} data-saved-version={version}>
      {state.kind === "saving" ? "Saving in this browser…" : null}
      {state.kind === "saved" ? "Saved in this browser" : null}
      {state.kind === "blank" ? "Nothing to keep yet: the workbook is empty" : null}
      {state.kind === "off" ? "Not kept in this browser: you cleared it" : null}
      {state.kind === "failed" ? state.message : null}
      {state.kind === "saved" || state.kind === "saving" ? (
        <Button size="small" {...restoreFocus} onClick={onClear}>
          Clear saved work
        </Button>
      ) : null}
      {state.kind === "off" ? (
        <Button size="small" ref={keepRef} onClick={onKeep}>
          Keep in this browser
        </Button>
      ) : null}
    </span>
  );
}
