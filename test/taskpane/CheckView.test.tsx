/**
 * @jest-environment jsdom
 *
 * The Check view against fake actions: what it shows after a check, going to cells, automatic
 * re-checks (debounced, stopped when switched off or unmounted), sign-off and failures.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { CheckIssue, CheckResult } from "../../src/core/checks";
import type { CheckOutcome, SignOffOutcome } from "../../src/excel/gateway";
import { UserFacingError } from "../../src/excel/errors";
import type { TaskPaneActions } from "../../src/taskpane/actions";
import { CheckView, RECHECK_DELAY_MS } from "../../src/taskpane/views/CheckView";

function issue(partial: Partial<CheckIssue> & Pick<CheckIssue, "code" | "cell">): CheckIssue {
  return { severity: "error", sheet: "Measures", row: 2, column: "G", message: `Problem at ${partial.cell}.`, ...partial };
}

function resultOf(issues: CheckIssue[]): CheckResult {
  return {
    issues,
    summary: {
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning" && !i.accepted).length,
      accepted: issues.filter((i) => i.accepted).length,
    },
    organisation: "Riverside Homes",
    organisationCode: "RH01",
  };
}

const FAULTY = resultOf([
  issue({ code: "not-a-number", cell: "G2", message: '"abc" is not a number.' }),
  ...["J3", "J8", "J13", "J18", "J19"].map((cell) => issue({ code: "required-measure-missing", cell })),
  issue({ code: "month-out-of-line", severity: "warning", cell: "I20" }),
  issue({ code: "missing-table", sheet: "Case studies", cell: "", row: 0, column: "", message: "The workbook has no Case studies sheet." }),
]);
const EXPLAINED = resultOf([issue({ code: "month-out-of-line", severity: "warning", cell: "I20", explanation: "Staff went back.", accepted: true })]);

function fakeActions(outcomes: (CheckOutcome | Error)[]) {
  let onEdit: (() => void) | undefined;
  const stopped = jest.fn(() => Promise.resolve());
  const actions = {
    builtinFrameworks: () => [],
    check: jest.fn(() => {
      const next = outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    }),
    goToCell: jest.fn(() => Promise.resolve()),
    signOff: jest.fn((): Promise<SignOffOutcome> => Promise.resolve({ result: EXPLAINED, checksum: "ab".repeat(32) })),
    watchEdits: jest.fn((callback: () => void) => {
      onEdit = callback;
      return Promise.resolve(stopped);
    }),
  };
  return { actions, edit: () => onEdit?.(), stopped };
}

function renderView(actions: Partial<TaskPaneActions>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CheckView actions={actions as TaskPaneActions} />
    </FluentProvider>,
  );
}

/** Lets promises and React updates settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await Promise.resolve();
    });
  }
}

async function clickCheck(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Check the return" }));
  await settle();
}

afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

describe("the Check view", () => {
  it("shows counts, whole-sheet problems first, and groups with their first cells", async () => {
    const { actions } = fakeActions([{ result: FAULTY }]);
    renderView(actions);
    expect(screen.getByText(/^Check the return first/)).toBeTruthy();
    await clickCheck();

    expect(actions.check).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("check-summary").textContent).toBe("7 errors, 1 warning");
    expect(screen.getByTestId("checked-at").textContent).toMatch(/^Checked at \d{2}:\d{2}$/);
    const sheetWide = screen.getByRole("group", { name: "A whole sheet needs attention" });
    expect(sheetWide.textContent).toMatch(/Sheet or table missing \(Case studies sheet\): The workbook has no Case studies sheet\./);
    expect(within(sheetWide).queryAllByRole("button")).toHaveLength(0);

    const headings = screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(["Text where a number belongs", "Required measure not reported", "Month far out of line"]);
    const required = screen.getByRole("region", { name: "Required measure not reported" });
    expect(within(required).getAllByRole("button", { name: /^Measures!J/ })).toHaveLength(3);
    expect(within(required).getByText("5 cells")).toBeTruthy();
    // Focus moves to the results after a check the user asked for.
    expect(document.activeElement?.id).toBe("check-results-heading");
  });

  it("goes to a cell when its issue is clicked, and shows the rest of a group on request", async () => {
    const { actions } = fakeActions([{ result: FAULTY }]);
    renderView(actions);
    await clickCheck();
    fireEvent.click(screen.getByRole("button", { name: /^Measures!G2/ }));
    await settle();
    expect(actions.goToCell).toHaveBeenCalledWith("Measures", "G2");

    const required = screen.getByRole("region", { name: "Required measure not reported" });
    fireEvent.click(within(required).getByRole("button", { name: "Show all 5" }));
    await settle();
    const rows = within(required).getAllByRole("button", { name: /^Measures!J/ });
    expect(rows.map((r) => r.textContent?.slice(0, 11))).toEqual(["Measures!J3", "Measures!J8", "Measures!J1", "Measures!J1", "Measures!J1"]);
    expect(document.activeElement).toBe(rows[3]);

    // Arrow keys move between issues.
    fireEvent.keyDown(rows[3]!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(rows[4]);
    fireEvent.keyDown(rows[4]!, { key: "ArrowUp" });
    expect(document.activeElement).toBe(rows[3]);

    // Folding the group again leaves focus on the control that unfolds it.
    fireEvent.click(within(required).getByRole("button", { name: "Show fewer" }));
    await settle();
    expect(within(required).getAllByRole("button", { name: /^Measures!J/ })).toHaveLength(3);
    expect(document.activeElement).toBe(within(required).getByRole("button", { name: "Show all 5" }));
  });

  it("explains a group's check on request", async () => {
    const { actions } = fakeActions([{ result: FAULTY }]);
    renderView(actions);
    await clickCheck();
    const about = screen.getByRole("button", { name: 'What "Text where a number belongs" means' });
    const text = screen.getByText(/A cell that needs a number holds text/);
    expect(text.hidden).toBe(true);
    fireEvent.click(about);
    expect(about.getAttribute("aria-expanded")).toBe("true");
    expect(text.hidden).toBe(false);
  });

  it("re-checks 1.5 s after the last edit, says one is coming, marks results out of date when switched off, stops watching when closed", async () => {
    jest.useFakeTimers();
    const { actions, edit, stopped } = fakeActions([{ result: FAULTY }]);
    const view = renderView(actions);
    expect(actions.watchEdits).not.toHaveBeenCalled();
    await clickCheck();
    expect(actions.watchEdits).toHaveBeenCalledTimes(1);

    act(() => edit());
    act(() => jest.advanceTimersByTime(1000));
    act(() => edit());
    act(() => jest.advanceTimersByTime(RECHECK_DELAY_MS - 1));
    expect(actions.check).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(1));
    await settle();
    expect(actions.check).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId("checked-at").textContent).toMatch(/^Checked again at/);
    // An automatic re-check leaves focus where the user is.
    (screen.getByRole("button", { name: "Check the return" }) as HTMLElement).focus();
    act(() => edit());
    act(() => jest.advanceTimersByTime(RECHECK_DELAY_MS));
    await settle();
    expect(document.activeElement?.textContent).toBe("Check the return");

    // Waiting for the pause is shown; switched off, the waiting re-check is forgotten.
    act(() => edit());
    expect(screen.getByTestId("recheck-waiting").textContent).toMatch(/checking again when you pause/);
    fireEvent.click(screen.getByRole("switch", { name: "Check again automatically after edits" }));
    await settle();
    expect(screen.queryByTestId("recheck-waiting")).toBeNull();
    act(() => jest.advanceTimersByTime(RECHECK_DELAY_MS * 2));
    await settle();
    expect(actions.check).toHaveBeenCalledTimes(3);
    // Off: an edit marks the results out of date and checks nothing.
    act(() => edit());
    act(() => jest.advanceTimersByTime(RECHECK_DELAY_MS * 2));
    await settle();
    expect(actions.check).toHaveBeenCalledTimes(3);
    expect(screen.getByTestId("checked-at").textContent).toMatch(/edited since: check again to update$/);
    // On again after edits: checked at once.
    fireEvent.click(screen.getByRole("switch", { name: "Check again automatically after edits" }));
    await settle();
    expect(actions.check).toHaveBeenCalledTimes(4);
    expect(screen.getByTestId("checked-at").textContent).toMatch(/^Checked again at \d{2}:\d{2}$/);
    expect(actions.watchEdits).toHaveBeenCalledTimes(1);
    expect(stopped).not.toHaveBeenCalled();
    view.unmount();
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it("allows sign-off only when clean, saying why not, and reports who signed", async () => {
    const { actions } = fakeActions([{ result: FAULTY }, { result: EXPLAINED }]);
    renderView(actions);
    await clickCheck();
    const button = screen.getByRole("button", { name: "Mark ready to send" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    const reason = document.getElementById(button.getAttribute("aria-describedby")!);
    expect(reason?.textContent).toMatch(/^Fix the 7 errors, and fix or explain the 1 warning/);
    fireEvent.click(button);
    expect(actions.signOff).not.toHaveBeenCalled();

    await clickCheck();
    expect(screen.getByText("No errors or warnings")).toBeTruthy();
    expect(screen.getByRole("region", { name: "Explained warnings (1)" }).textContent).toMatch(/Explanation: Staff went back\./);
    expect(button.getAttribute("aria-disabled")).toBeNull();

    // A name is needed.
    fireEvent.click(button);
    await settle();
    expect(screen.getByText(/^Type your name/)).toBeTruthy();
    expect(actions.signOff).not.toHaveBeenCalled();

    fireEvent.change(screen.getByRole("textbox", { name: "Your name" }), { target: { value: "  Priya Shah " } });
    fireEvent.click(button);
    await settle();
    expect(actions.signOff).toHaveBeenCalledWith("Priya Shah");
    expect(screen.getByText("Marked ready to send")).toBeTruthy();
    expect(screen.getByText(/^Signed off by Priya Shah on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/)).toBeTruthy();
  });

  it("shows a refusal in plain English", async () => {
    // Clean when checked; then the figures change before the sign-off (which checks again, and refuses).
    const { actions } = fakeActions([{ result: EXPLAINED }, { result: FAULTY }]);
    actions.signOff.mockImplementation(() =>
      Promise.resolve({ result: FAULTY, refusal: "The return has 7 errors to fix before it can be marked ready to send." }),
    );
    renderView(actions);
    await clickCheck();
    fireEvent.change(screen.getByRole("textbox", { name: "Your name" }), { target: { value: "Priya Shah" } });
    fireEvent.click(screen.getByRole("button", { name: "Mark ready to send" }));
    await settle();
    expect(screen.getByText("Not marked ready to send")).toBeTruthy();
    expect(screen.getByText("The return has 7 errors to fix before it can be marked ready to send.")).toBeTruthy();
    // The view now shows the check the sign-off ran, and refreshes the Checks sheet.
    expect(screen.getByTestId("check-summary").textContent).toBe("7 errors, 1 warning");
    expect(actions.check).toHaveBeenCalledTimes(2);
  });

  it("says when the workbook is not a return, and when the Checks sheet could not be written", async () => {
    const { actions } = fakeActions([
      { result: { issues: [], summary: { errors: 0, warnings: 0, accepted: 0 }, notAReturn: "no Measures or ReturnDetails table" } },
      { result: FAULTY, listProblem: "The workbook has a sheet called 'Checks' that Impact Returns did not make." },
    ]);
    renderView(actions);
    await clickCheck();
    expect(screen.getByText("This workbook is not a return yet")).toBeTruthy();
    expect(screen.getByText(/^No Measures or ReturnDetails table\. Set it up/)).toBeTruthy();
    await clickCheck();
    expect(screen.getByText("The Checks sheet was not updated")).toBeTruthy();
  });

  it("shows failures as plain English, never a stack trace", async () => {
    const failure = new Error("GeneralException\n    at Object.sync (excel.js:1:2)\n    at run (gateway.ts:3:4)");
    const { actions } = fakeActions([failure, new UserFacingError("The workbook is being edited elsewhere.", "Wait a moment, then check again.")]);
    actions.goToCell.mockImplementation(() => Promise.reject(new UserFacingError("There is no sheet called Measures.", "Run Set up again.")));
    renderView(actions);
    await clickCheck();
    const alert = screen.getByRole("group", { name: "The check did not finish" });
    expect(alert.textContent).toMatch(/Checking the return could not finish\. GeneralException\./);
    expect(alert.textContent).not.toMatch(/ at |gateway\.ts/);
    expect(document.activeElement?.contains(alert)).toBe(true);

    await clickCheck();
    expect(screen.getByText("The workbook is being edited elsewhere.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Go to the Checks sheet" }));
    await settle();
    expect(actions.goToCell).toHaveBeenCalledWith("Checks", "F2");
    expect(screen.getByText("There is no sheet called Measures.")).toBeTruthy();
  });
});
