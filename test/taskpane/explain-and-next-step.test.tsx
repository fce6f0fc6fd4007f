/**
 * @jest-environment jsdom
 *
 * "Explain" on a warning card (written through the actions, then checked again) and, after "Mark
 * ready to send", what to do next: the file to send, the centre's address, the due dates worked
 * out from today, and "Email the centre" (a link in the preview; Office's browser window in Excel).
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
import { createTaskPaneActions, type PaneSignOffOutcome, type TaskPaneActions } from "../../src/taskpane/actions";
import { nextStepOf } from "../../src/taskpane/actions/next-step";
import { attachText, nextStepText } from "../../src/taskpane/check-display";
import { FIELD, RETURN_FIELDS } from "../../src/core/layout/contract";
import type { Mailer } from "../../src/excel/mail";
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
  it("names the file and whom to send it to, or says how to give the centre's address", () => {
    expect(nextStepText({ to: "returns@centre.example", fileName: "RH01 impact return 2026-27.xlsx" })).toBe("Send RH01 impact return 2026-27.xlsx to returns@centre.example.");
    expect(nextStepText({ fileName: "RH01 impact return 2026-27.xlsx" })).toBe(
      "Send RH01 impact return 2026-27.xlsx to the centre. The framework names no address for it: type the centre's email in Set up (Centre email) to have it here.",
    );
    expect(attachText(true)).toBe("Save the workbook (Ctrl+S), then attach it to the email.");
    expect(attachText(false)).toMatch(/^Download the workbook/);
  });

  it("is worked out at sign-off from today and the months reported: the file, the address, the due dates and the email link", () => {
    const submission = { to: "returns@centre.example", dueDate: "2026-11-15", month: "2026-10", yearStart: "2026-04", dueDay: 15 };
    const step = nextStepOf(submission, { organisation: "Riverside Homes", organisationCode: "RH01" }, new Date(2026, 11, 4));
    expect(step.fileName).toBe("RH01 impact return 2026-27.xlsx");
    expect(step.to).toBe("returns@centre.example");
    expect(step.due).toBe("October's figures were due on 15 November 2026: they are late. November's are due by 15 December 2026.");
    expect(step.due).not.toContain("by 15 November 2026");
    expect(step.mailto).toMatch(/^mailto:returns@centre\.example\?subject=RH01%20impact%20return%202026-27%3A%20figures%20to%20October%202026&body=/);
    const { to, ...noAddress } = submission;
    expect(to).toBeDefined();
    expect(nextStepOf(noAddress, { organisationCode: "RH01" }, new Date(2026, 11, 4))).not.toHaveProperty("mailto");
    expect(nextStepOf(undefined, {}, new Date(2026, 11, 4))).toEqual({});
  });

  async function signedOffSample(centreEmail?: string) {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
    const row = RETURN_FIELDS.findIndex((f) => f.field === FIELD.centreEmail) + 2;
    if (centreEmail !== undefined) await host.userEdit("Return", `B${row}`, [[centreEmail]]);
    const actions = createTaskPaneActions(gateway, () => new Date(2020, 7, 3));
    const { result } = await actions.check();
    for (const issue of result.issues.filter((i) => i.severity === "warning")) await actions.explain(issue, "Explained for the test.");
    return { actions, outcome: await actions.signOff("Priya Shah") };
  }

  async function showSignOff(outcome: PaneSignOffOutcome, mailer?: Mailer) {
    renderView({
      builtinFrameworks: () => [],
      check: jest.fn(() => Promise.resolve({ result: outcome.result })),
      signOff: jest.fn(() => Promise.resolve(outcome)),
      watchEdits: jest.fn(() => Promise.resolve(() => Promise.resolve())),
      ...(mailer ? { mailer: () => mailer } : {}),
    });
    fireEvent.click(screen.getByRole("button", { name: "Check the return" }));
    await settle();
    fireEvent.change(screen.getByRole("textbox", { name: "Your name" }), { target: { value: "Priya Shah" } });
    fireEvent.click(screen.getByRole("button", { name: "Mark ready to send" }));
    await settle();
    return screen.getByTestId("next-step");
  }

  it("shows the file, the centre's address typed in the workbook, the due dates and an Email the centre link (the preview)", async () => {
    const { outcome } = await signedOffSample("returns@centre.example");
    expect(outcome.refusal).toBeUndefined();
    const next = await showSignOff(outcome);
    expect(next.textContent).toContain(
      "Next: Send RH01 impact return 2020-21.xlsx to returns@centre.example. July's figures are due by 15 August 2020. August's are due by 15 September 2020.",
    );
    const link = within(next).getByRole("link", { name: "Email the centre" });
    const href = link.getAttribute("href")!;
    expect(href.startsWith("mailto:returns@centre.example?subject=RH01%20impact%20return%202020-21%3A%20figures%20to%20July%202020&body=")).toBe(true);
    expect(decodeURIComponent(href.split("&body=")[1]!)).toContain("attach the saved workbook, RH01 impact return 2020-21.xlsx");
    expect(next.textContent).toContain("Download the workbook (Download workbook (.xlsx)), then attach the downloaded file to the email.");
  });

  it("in Excel with OpenBrowserWindowApi, Email the centre is a button that hands Office the link, and says to save first", async () => {
    const { outcome } = await signedOffSample("returns@centre.example");
    const open = jest.fn();
    const next = await showSignOff(outcome, { kind: "office", open });
    fireEvent.click(within(next).getByRole("button", { name: "Email the centre" }));
    expect(open).toHaveBeenCalledWith(outcome.nextStep?.mailto);
    expect(next.textContent).toContain("Save the workbook (Ctrl+S), then attach it to the email.");
  });

  it("without an address (the built-in framework names none), says to type it in Set up, and offers no link", async () => {
    const { outcome } = await signedOffSample("");
    const next = await showSignOff(outcome);
    expect(next.textContent).toContain("The framework names no address for it: type the centre's email in Set up (Centre email)");
    expect(within(next).queryByRole("link", { name: "Email the centre" })).toBeNull();
  });

  it("an address that is not one email address is a check error, and no link is offered", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
    const row = RETURN_FIELDS.findIndex((f) => f.field === FIELD.centreEmail) + 2;
    await host.userEdit("Return", `B${row}`, [["returns@centre.example\r\nBcc: all@example.org"]]);
    const { result } = await createTaskPaneActions(gateway, () => new Date(2020, 7, 3)).check();
    const issue = result.issues.find((i) => i.code === "invalid-email");
    expect(issue).toMatchObject({ severity: "error", sheet: "Return", cell: `B${row}` });
    expect(issue?.message).toMatch(/is not a valid email address\. Type one address, such as name@example\.org\.uk\.$/);
    expect(result.submission?.to).toBeUndefined();
  });
});
