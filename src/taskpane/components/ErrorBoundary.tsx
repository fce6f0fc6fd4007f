/** Catches a failure while drawing part of the pane, so the rest stays usable and the user sees plain English, not a blank pane. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";

export interface ErrorBoundaryProps {
  /** What this part of the pane is, e.g. "The Set up view". */
  what: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For developers only; the user sees the message below.
    console.error(`${this.props.what} failed to draw:`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.what} stopped working</MessageBarTitle>
          Nothing in the workbook was changed by this. Try again; if it keeps happening, close the task pane and open it again.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ failed: false })}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
