/**
 * @jest-environment jsdom
 *
 * "Explain" on a warning card (written through the actions, then checked again) and, after "Mark
 * ready to send", what to do next: whom to send the return to and by when.
 */
import { TextEncoder as NodeTextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { CheckIssue, CheckResult } from "../../src/core/checks";
import type { CheckOutcome } from "../../src/excel/gateway";
import { UserFacingError } from "../../src/excel/errors";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { buildSampleReturn } from "../../src/preview/sample-return";
import { createTaskPaneActions, nextStepOf, type PaneSignOffOutcome, type TaskPaneActions } from "../../src/taskpane/actions";
import { nextStepText } from "../../src/taskpane/check-display";
import { CheckView } from "../../src/taskpane/views/CheckView";

// jsdom has no structuredClone (the in-memory host uses it); Node's serialiser does the same.
globalThis.structuredClone ??= (<T,>(value: T): T => deserialize(serialize(value)) as T) as typeof structuredClone;

globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;

function warning(cell: string, extra: Partial<CheckIssue> = {}): CheckIssue {
  return { severity: "warning", code: "month-out-of-line", sheet: "Measures", cell, row: 20, column: "I", message: `Far out of line at ${cell}.`, ...extra };
}

function resultOf(issues: CheckIssue[]): CheckResult {
  return {
    issues,
    summary: {
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning" && !i.accepted).length,
      accepted: issues.filter((i) => i.accepted).length,
    },
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await act(async () => {
      await Promise.resolve();
    });
  }
}

function renderView(actions: Partial<TaskPaneActions>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CheckView actions={actions as TaskPaneActions} />
    </FluentProvider>,
  );
}

afterEach(cleanup);

describe("Explain on a warning card", () => {
  it("writes the explanation for the chosen cell, then checks again", async () => {
    const outcomes: CheckOutcome[] = [
      { result: resultOf([warning("I19"), warning("I20")]) },
      { result: resultOf([warning("I19"), warning("I20", { explanation: "Back to usual roles.", accepted: true })]) },
    ];
    const actions = {
      builtinFrameworks: () => [],
      check: jest.fn(() => Promise.resolve(outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!)),
      explain: jest.fn(() => Promise.resolve()),
      watchEdits: jest.fn(() => Promise.resolve(() => Promise.resolve())),
    };
    renderView(actions);
    fireEvent.click(screen.getByRole("button", { name: "Check the return" }));
    await settle();
    const card = screen.getByRole("region", { name: "Month far out of line" });
    fireEvent.click(within(card).getByRole("button", { name: "Explain" }));
    const form = within(card).getByRole("form", { name: "Explain: Month far out of line" });
    // An empty explanation is refused, with the reason.
    fireEvent.click(within(form).getByRole("button", { name: "Save explanation" }));
    await settle();
    expect(within(form).getByText(/^Type why the figure is right/)).toBeTruthy();
    expect(actions.explain).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByRole("combobox", { name: "Cell" }), { target: { value: "1" } });
    fireEvent.change(within(form).getByRole("textbox", { name: /Why this figure is right \(Measures sheet, cell I20\)/ }), { target: { value: "Back to usual roles." } });
    fireEvent.click(within(form).getByRole("button", { name: "Save explanation" }));
    await settle();
    expect(actions.explain).toHaveBeenCalledWith({ code: "month-out-of-line", sheet: "Measures", cell: "I20" }, "Back to usual roles.");
    expect(actions.check).toHaveBeenCalledTimes(2);
    expect(screen.getByRole("region", { name: "Explained warnings (1)" }).textContent).toMatch(/Explanation: Back to usual roles\./);
  });

  it("shows a failure in plain English and keeps the text", async () => {
    const actions = {
      builtinFrameworks: () => [],
      check: jest.fn(() => Promise.resolve({ result: resultOf([warning("I20")]) })),
      explain: jest.fn(() => Promise.reject(new UserFacingError("The Checks sheet no longer lists this warning (Measures!I20).", "Check the return again."))),
      watchEdits: jest.fn(() => Promise.resolve(() => Promise.resolve())),
    };
    renderView(actions);
    fireEvent.click(screen.getByRole("button", { name: "Check the return" }));
    await settle();
    const card = screen.getByRole("region", { name: "Month far out of line" });
    fireEvent.click(within(card).getByRole("button", { name: "Explain" }));
    const box = within(card).getByRole("textbox", { name: /Why this figure is right \(Measures sheet, cell I20\)/ });
    fireEvent.change(box, { target: { value: "A reason." } });
    fireEvent.click(within(card).getByRole("button", { name: "Save explanation" }));
    await settle();
    expect(within(card).getByText("The explanation was not saved")).toBeTruthy();
    expect(within(card).getByText(/no longer lists this warning/)).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe("A reason.");
  });

  it("is offered on warnings only", async () => {
    const error: CheckIssue = { ...warning("G2"), severity: "error", code: "not-a-number" };
    const actions = {
      builtinFrameworks: () => [],
      check: jest.fn(() => Promise.resolve({ result: resultOf([error]) })),
      watchEdits: jest.fn(() => Promise.resolve(() => Promise.resolve())),
    };
    renderView(actions);
    fireEvent.click(screen.getByRole("button", { name: "Check the return" }));
    await settle();
    expect(screen.queryByRole("button", { name: "Explain" })).toBeNull();
  });
});

describe("the next step after Mark ready to send", () => {
  it("says whom to send it to and by when", () => {
    expect(nextStepText({ to: "returns@centre.example", due: new Date(2020, 7, 15) })).toBe("Save the workbook and email it to returns@centre.example by 15 August 2020.");
    expect(nextStepText({ due: new Date(2020, 7, 15) })).toBe("Save the workbook and send it to the centre by 15 August 2020.");
    expect(nextStepText({})).toBe("Save the workbook and send it to the centre.");
  });

  it("is what the core worked out at sign-off: whom to send it to, and the due day as a calendar date", () => {
    expect(nextStepOf({ to: "returns@centre.example", dueDate: "2020-08-15", month: "2020-07" })).toEqual({ to: "returns@centre.example", due: new Date(2020, 7, 15) });
    expect(nextStepOf({ dueDate: "2021-02-28", month: "2021-01" })).toEqual({ due: new Date(2021, 1, 28) });
    expect(nextStepOf(undefined)).toEqual({});
  });

  it("comes with a sign-off through the actions, and the pane shows it", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
    const actions = createTaskPaneActions(gateway, () => new Date(2020, 7, 3));
    const { result } = await actions.check();
    // Every warning explained (the July figure, and any month overdue by today's date).
    for (const issue of result.issues.filter((i) => i.severity === "warning")) await actions.explain(issue, "Explained for the test.");
    const outcome: PaneSignOffOutcome = await actions.signOff("Priya Shah");
    expect(outcome.refusal).toBeUndefined();
    expect(outcome.nextStep?.due?.toDateString()).toBe(new Date(2020, 7, 15).toDateString());

    const signOff = jest.fn(() => Promise.resolve(outcome));
    renderView({
      builtinFrameworks: () => [],
      check: jest.fn(() => Promise.resolve({ result: outcome.result })),
      signOff,
      watchEdits: jest.fn(() => Promise.resolve(() => Promise.resolve())),
    });
    fireEvent.click(screen.getByRole("button", { name: "Check the return" }));
    await settle();
    fireEvent.change(screen.getByRole("textbox", { name: "Your name" }), { target: { value: "Priya Shah" } });
    fireEvent.click(screen.getByRole("button", { name: "Mark ready to send" }));
    await settle();
    expect(screen.getByTestId("next-step").textContent).toBe("Next: Save the workbook and send it to the centre by 15 August 2020.");
  });
});
