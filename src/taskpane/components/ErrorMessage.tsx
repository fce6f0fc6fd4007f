/** An error as a plain-English MessageBar: what failed, what to do, and any individual problems. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { DisplayError } from "../errors";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export interface ErrorMessageProps {
  error: DisplayError;
  /** Bold lead-in, e.g. "Set up could not finish". Defaults to the error's message alone. */
  title?: string;
}

export function ErrorMessage({ error, title }: ErrorMessageProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody className={styles.body}>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        <span>{error.message}</span>
        {error.hint ? <span>{error.hint}</span> : null}
        {error.lines && error.lines.length > 0 ? (
          <ul className={styles.list}>
            {error.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
