/**
 * Small pieces the views share: a section under its own heading, the always-present live region
 * that announces each step and result, an error message that can take focus, a progress bar under
 * its label, a labelled text box, and text a form needs before it goes ahead.
 */
import { Field, Input, ProgressBar, mergeClasses, type InputProps } from "@fluentui/react-components";
import { useRef, useState, type ReactNode, type Ref } from "react";
import type { DisplayError } from "../errors";
import { useViewStyles } from "../view-styles";
import { ErrorMessage } from "./ErrorMessage";

export interface ViewSectionProps {
  /** The heading's id, which names the section. */
  id: string;
  heading: ReactNode;
  /** Given when script moves focus to the heading (it then takes focus and shows it). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The section's class, instead of the views' section. */
  className?: string;
  children: ReactNode;
  "data-testid"?: string;
}

/** A section named by its heading (an h3 subheading). */
export function ViewSection({ id, heading, headingRef, className, children, ...data }: ViewSectionProps) {
  const common = useViewStyles();
  const focusable = headingRef !== undefined;
  return (
    <section className={className ?? common.section} aria-labelledby={id} {...data}>
      <h3 id={id} ref={headingRef} tabIndex={focusable ? -1 : undefined} className={focusable ? mergeClasses(common.subheading, common.focusTarget) : common.subheading}>
        {heading}
      </h3>
      {children}
    </section>
  );
}

/** Always present, so screen readers announce each step and result as `text` changes. */
export function Announcer({ text }: { text: string }) {
  const common = useViewStyles();
  return (
    <div className={common.visuallyHidden} role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

/** An error message that script can move focus to (after the failure of something the user started). */
export function FocusableError({ error, title, focusRef }: { error: DisplayError; title: string; focusRef: Ref<HTMLDivElement> }) {
  const common = useViewStyles();
  return (
    <div ref={focusRef} tabIndex={-1} className={common.focusTarget}>
      <ErrorMessage error={error} title={title} />
    </div>
  );
}

/** A progress bar (0 to 1) under its label; `children` go under the bar. */
export function ProgressField({ label, fraction, children }: { label: string; fraction: number; children?: ReactNode }) {
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={fraction} max={1} thickness="large" />
      {children}
    </Field>
  );
}

export interface TextFieldProps extends Omit<InputProps, "onChange" | "ref"> {
  label: string;
  hint: string;
  required?: boolean;
  /** What is wrong with the text, shown under it; undefined when nothing is. */
  problem: string | undefined;
  inputRef: Ref<HTMLInputElement>;
  onChange(value: string): void;
}

/** A labelled text box with its hint and, when there is one, its problem. */
export function TextField({ label, hint, required, problem, inputRef, onChange, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} required={required} validationState={problem ? "error" : "none"} validationMessage={problem}>
      <Input ref={inputRef} {...input} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}

/**
 * Text a form needs before it goes ahead: its value, a ref to its box, and the problem shown under
 * the box when the form was sent without it (gone as soon as something is typed).
 */
export function useRequiredText<E extends HTMLElement>(missing: string) {
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const ref = useRef<E>(null);
  return {
    value,
    setValue,
    problem,
    setProblem,
    ref,
    change(next: string) {
      setValue(next);
      if (problem && next.trim() !== "") setProblem(undefined);
    },
    /** Whether there is text; when there is none, shows the problem and moves focus to the box. */
    given(): boolean {
      if (value.trim() !== "") return true;
      setProblem(missing);
      ref.current?.focus();
      return false;
    },
  };
}
