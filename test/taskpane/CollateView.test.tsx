/**
 * @jest-environment jsdom
 *
 * The Collate view against fake CollateActions: files chosen are listed with progress, then each
 * status and reason in plain words and a summary line; "Add to this workbook" shows the result and
 * the Show button; failures in plain English.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { linesOf, type Submission } from "../../src/core/collate";
import { findBuiltinFramework } from "../../src/core/framework";
import { UserFacingError } from "../../src/excel/errors";
import type { CollateInExcelOutcome } from "../../src/excel/gateway";
import type { CollateActions } from "../../src/taskpane/actions";
import { CollateView } from "../../src/taskpane/views/CollateView";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;

function sub(file: string, org: string, more: Partial<Submission> = {}): Submission {
  return {
    file,
    sha256: file.padStart(64, "0").slice(-64),
    modifiedAt: 1,
    organisationCode: org,
    organisation: `${org} Homes`,
    yearStart: "2020-04",
    homesManaged: 1000,
    framework: { id: v1.id, version: 1, title: v1.title },
    lines: linesOf(v1),
    figures: [{ code: "WELFARE_CALLS", breakdown: "", month: "2020-04", value: 10 }],
    monthsReported: 1,
    errors: 0,
    warnings: 0,
    ...more,
  };
}

const SUBS = [sub("riverside.xlsx", "RH01"), sub("green.xlsx", "GH02", { errors: 3 }), { ...sub("notes.xlsx", "X"), problem: "'notes.xlsx' is not an Impact Returns workbook: no Return sheet" }];

function outcome(): CollateInExcelOutcome {
  return {
    files: [
      { file: "riverside.xlsx", sha256: SUBS[0]!.sha256, organisationCode: "RH01", status: "accepted", reason: "in use" },
      { file: "green.xlsx", sha256: SUBS[1]!.sha256, organisationCode: "GH02", status: "held", reason: "it has 3 check errors" },
      { file: "notes.xlsx", sha256: SUBS[2]!.sha256, status: "rejected", reason: "not a return" },
      { file: "older.xlsx", sha256: "ab", organisationCode: "RH01", status: "superseded", reason: "replaced" },
    ],
    previousFiles: 1,
    organisations: 2,
    totals: 9,
    revisions: 1,
    chase: 4,
    batches: 1,
    readBatches: 0,
    largestResponse: 0,
    largestRequest: 1000,
    sheets: [],
    charts: 3,
  };
}

function fakeActions(overrides: Partial<CollateActions> = {}): CollateActions & { added: Submission[][] } {
  const added: Submission[][] = [];
  return {
    added,
    readReturns: jest.fn(async (files: readonly File[], onFile: (i: number, stage: "reading", f: number) => void) => {
      files.forEach((_, i) => onFile(i, "reading", 0.5));
      await Promise.resolve();
      return files.map((f) => SUBS.find((s) => s.file === f.name)!);
    }),
    addToWorkbook: jest.fn(async (subs: readonly Submission[]) => {
      added.push([...subs]);
      await Promise.resolve();
      return outcome();
    }),
    today: () => new Date(2020, 6, 20),
    showSectorTotals: jest.fn(async () => undefined),
    ...overrides,
  } as CollateActions & { added: Submission[][] };
}

function renderView(actions: CollateActions) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CollateView actions={actions} />
    </FluentProvider>,
  );
}

async function choose(names: string[]) {
  const input = screen.getByLabelText("Choose returns");
  await act(async () => {
    fireEvent.change(input, { target: { files: names.map((n) => new File(["x"], n)) } });
  });
}

afterEach(cleanup);

describe("CollateView", () => {
  it("lists the files chosen with their status and reason, and a summary line", async () => {
    const actions = fakeActions();
    renderView(actions);
    expect(screen.getByRole("heading", { level: 2, name: "Collate returns" })).toBeTruthy();
    await choose(["riverside.xlsx", "green.xlsx", "notes.xlsx"]);
    const list = await screen.findByRole("list", { name: "Files chosen" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((i) => within(i).getByRole("heading").textContent)).toEqual(["riverside.xlsx", "green.xlsx", "notes.xlsx"]);
    expect(items[0]!.textContent).toContain("Accepted");
    expect(items[1]!.textContent).toContain("Held: has check errors");
    expect(items[1]!.textContent).toMatch(/3 check errors/);
    expect(items[2]!.textContent).toContain("Rejected");
    expect(items[2]!.textContent).toContain("not an Impact Returns workbook");
    expect(screen.getByTestId("collate-summary").textContent).toBe("3 files: 1 accepted, 1 held, 1 rejected");
  });

  it("adds to the workbook, then shows the result and the Sector totals button", async () => {
    const actions = fakeActions();
    renderView(actions);
    await choose(["riverside.xlsx", "green.xlsx", "notes.xlsx"]);
    fireEvent.change(screen.getByRole("textbox", { name: /Homes in the sector/ }), { target: { value: "10,000" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect(actions.addToWorkbook).toHaveBeenCalledWith(SUBS, { sectorHomes: 10_000 }, expect.any(Function));
    const result = await screen.findByTestId("collate-result");
    expect(within(result).getByRole("heading", { name: "Added to this workbook" })).toBeTruthy();
    expect(result.textContent).toContain("4 files: 1 accepted, 1 superseded, 1 held, 1 rejected (1 file from before)");
    await act(async () => {
      fireEvent.click(within(result).getByRole("button", { name: "Show the Sector totals" }));
    });
    expect(actions.showSectorTotals).toHaveBeenCalled();
  });

  it("says plainly when the returns could not be added", async () => {
    const actions = fakeActions({ addToWorkbook: jest.fn(() => Promise.reject(new UserFacingError("Collate did not change anything: the sheet 'Submissions' is not one Collate made.", "Rename it."))) });
    renderView(actions);
    await choose(["riverside.xlsx"]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect((await screen.findByText(/is not one Collate made/)).textContent).toBeTruthy();
    expect(screen.getByText("The returns were not added")).toBeTruthy();
  });
});
