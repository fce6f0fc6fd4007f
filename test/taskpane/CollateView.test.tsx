/**
 * @jest-environment jsdom
 *
 * The Collate view against fake CollateActions: files chosen are listed with progress, then each
 * status and reason in plain words and a summary line; "Add to this workbook" shows the result and
 * the Show button; failures in plain English. The register (the workbook's, or a file chosen), the
 * sign-off setting (the workbook's shown, the box's passed on), the overall progress while
 * reading, and the receipts downloaded after adding; the sector bulletin, the feedback .zip and
 * the email drafts .zip downloaded through their actions, with what was downloaded said and
 * announced, and a failure said plainly.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { collate, type Submission } from "../../src/core/collate";
import { DEFAULT_PUBLICATION } from "../../src/core/collate/estimates";
import { NEW_WORKBOOK_STEP, REFUSAL } from "../../src/core/refusals";
import { UserFacingError } from "../../src/excel/errors";
import type { CollateInExcelOutcome } from "../../src/excel/gateway";
import type { CollateActions } from "../../src/taskpane/actions";
import { CollateView } from "../../src/taskpane/views/CollateView";
import { submissionOf } from "../support/submissions";


const sub = (file: string, org: string, more: Partial<Submission> = {}): Submission =>
  submissionOf(org, [{ code: "WELFARE_CALLS", breakdown: "", month: "2020-04", value: 10 }], { file, sha256: file.padStart(64, "0").slice(-64), modifiedAt: 1, ...more });

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
    removedSheets: ["Sheet1"],
    charts: 3,
    requireSignOff: false,
    collation: collate(SUBS, { asOf: { year: 2020, month: 7, day: 20 } }),
    rules: DEFAULT_PUBLICATION,
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
    sectorSettings: jest.fn(async () => ({ registerOrganisations: 0 })),
    openNewWorkbook: jest.fn(async () => undefined),
    readRegister: jest.fn(async () => ({ entries: [], problems: [] })),
    downloadReceipts: jest.fn(() => Promise.resolve("Receipts 2020-07-20.zip")),
    downloadBulletin: jest.fn(async () => ({ name: "Sector bulletin 2020-07-20.xlsx" })),
    downloadFeedback: jest.fn(async () => ({ name: "Feedback 2020-07-20.zip", count: 2 })),
    downloadDrafts: jest.fn(async () => ({ name: "Email drafts 2020-07-20.zip", count: 3, withoutAddress: ["GH02 (GH02 Homes)"] })),
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
    expect(screen.getByRole("status").textContent).toBe("Read 3 files: 1 accepted, 1 held, 1 rejected.");
  });

  it("starts the readers as it opens and ends those not used as it closes", async () => {
    const ended = jest.fn();
    const actions = fakeActions({ prepareReading: jest.fn(() => ended) });
    const view = renderView(actions);
    await act(async () => undefined);
    expect(actions.prepareReading).toHaveBeenCalledTimes(1);
    expect(ended).not.toHaveBeenCalled();
    view.unmount();
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it("adds to the workbook, then shows the result and the Sector totals button", async () => {
    const actions = fakeActions();
    renderView(actions);
    await choose(["riverside.xlsx", "green.xlsx", "notes.xlsx"]);
    fireEvent.change(screen.getByRole("textbox", { name: /Homes in the sector/ }), { target: { value: "10,000" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect(actions.addToWorkbook).toHaveBeenCalledWith(SUBS, { sectorHomes: 10_000, requireSignOff: false }, expect.any(Function));
    const result = await screen.findByTestId("collate-result");
    expect(within(result).getByRole("heading", { name: "Added to this workbook" })).toBeTruthy();
    expect(result.textContent).toContain("4 files: 1 accepted, 1 superseded, 1 held, 1 rejected (1 file from before)");
    expect(result.textContent).toContain("PivotTable on Sector pivots. Removed the empty sheet 'Sheet1' the new workbook started with.");
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

describe("CollateView's register, sign-off setting, progress and receipts", () => {
  it("keeps the workbook's register by default, and uses a register file chosen (its name, organisations and problems)", async () => {
    const entries = [{ organisationCode: "RH01", organisation: "Riverside", homesManaged: 5200 }, { organisationCode: "GH02" }, { organisationCode: "QU03" }];
    const actions = fakeActions({
      sectorSettings: jest.fn(async () => ({ registerOrganisations: 12, sectorHomes: 2_400_000 })),
      readRegister: jest.fn(async () => ({ entries, problems: ["row 5: Homes managed for QU03 is not a number of homes"] })),
    });
    renderView(actions);
    await choose(["riverside.xlsx", "green.xlsx"]);
    expect(screen.getByTestId("collate-register-status").textContent).toBe("Keeping the workbook's register (12 organisations).");
    expect(screen.getByRole("textbox", { name: /Homes in the sector/ }).closest("div")?.parentElement?.textContent).toContain("The workbook has 2,400,000");
    const file = new File(["Organisation code\nRH01\n"], "register.csv", { type: "text/csv" });
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Choose a register"), { target: { files: [file] } });
    });
    expect(actions.readRegister).toHaveBeenCalledWith(file);
    expect(screen.getByTestId("collate-register-status").textContent).toBe("register.csv: 3 organisations. It replaces the workbook's register.");
    expect(within(screen.getByRole("list", { name: "Problems in the register" })).getByText("Row 5: Homes managed for QU03 is not a number of homes.")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect(actions.addToWorkbook).toHaveBeenLastCalledWith(SUBS.slice(0, 2), { register: entries, requireSignOff: false }, expect.any(Function));

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Keep the workbook's register" }));
    });
    expect(screen.getByTestId("collate-register-status").textContent).toMatch(/^Keeping the workbook's register/);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect(actions.addToWorkbook).toHaveBeenLastCalledWith(SUBS.slice(0, 2), { requireSignOff: false }, expect.any(Function));
  });

  it("says so when a register cannot be used, and keeps the workbook's", async () => {
    const actions = fakeActions({
      readRegister: jest.fn(async () => ({ entries: [], problems: ['no header row with "Organisation code" in the first 20 rows'] })),
    });
    renderView(actions);
    await choose(["riverside.xlsx"]);
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Choose a register"), { target: { files: [new File(["x"], "members.csv")] } });
    });
    expect(screen.getByRole("alert").textContent).toBe('members.csv lists no organisations: no header row with "Organisation code" in the first 20 rows. The workbook\'s register is kept.');
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect(actions.addToWorkbook).toHaveBeenLastCalledWith([SUBS[0]], { requireSignOff: false }, expect.any(Function));
  });

  it("shows the workbook's sign-off setting, holds unsigned returns in the preview, and passes the box's setting on", async () => {
    const unsigned = sub("unsigned.xlsx", "QU03", { signOff: "not-signed-off" });
    const actions = fakeActions({
      sectorSettings: jest.fn(async () => ({ registerOrganisations: 3, requireSignOff: true })),
      readReturns: jest.fn(async () => [unsigned]),
    });
    renderView(actions);
    await choose(["unsigned.xlsx"]);
    const box = screen.getByRole("checkbox", { name: "Only accept signed-off returns" }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    const item = within(screen.getByRole("list", { name: "Files chosen" })).getByRole("listitem");
    expect(item.textContent).toContain("Held: not signed off");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect(actions.addToWorkbook).toHaveBeenLastCalledWith([unsigned], { requireSignOff: true }, expect.any(Function));

    await act(async () => {
      fireEvent.click(box);
    });
    expect(box.checked).toBe(false);
    expect(item.textContent).toContain("Accepted");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    expect(actions.addToWorkbook).toHaveBeenLastCalledWith([unsigned], { requireSignOff: false }, expect.any(Function));
  });

  it("shows how many files are read so far as well as each file's progress", async () => {
    let finish: (subs: Submission[]) => void = () => undefined;
    let report: (i: number, stage: "reading" | "done", f: number) => void = () => undefined;
    const actions = fakeActions({
      readReturns: jest.fn(
        (_files: readonly File[], onFile: (i: number, stage: "reading" | "done", f: number) => void) =>
          new Promise<Submission[]>((resolve) => {
            report = onFile;
            finish = resolve;
          }),
      ),
    });
    renderView(actions);
    await choose(["riverside.xlsx", "green.xlsx", "notes.xlsx"]);
    expect(screen.getByTestId("collate-files-read").textContent).toBe("0 of 3 files read");
    await act(async () => {
      report(0, "done", 1);
      report(1, "done", 1);
      report(2, "reading", 0.4);
      await Promise.resolve();
    });
    expect(screen.getByTestId("collate-files-read").textContent).toBe("2 of 3 files read");
    expect(screen.getByRole("progressbar", { name: "Reading notes.xlsx" })).toBeTruthy();
    await act(async () => {
      finish(SUBS);
      await Promise.resolve();
    });
    expect(screen.queryByTestId("collate-files-read")).toBeNull();
    expect(screen.getByTestId("collate-summary").textContent).toBe("3 files: 1 accepted, 1 held, 1 rejected");
  });

  it("downloads the receipts of the files added, each with its submission", async () => {
    const actions = fakeActions();
    renderView(actions);
    await choose(["riverside.xlsx", "green.xlsx", "notes.xlsx"]);
    expect(screen.queryByRole("button", { name: /Download/ })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    const result = await screen.findByTestId("collate-result");
    await act(async () => {
      fireEvent.click(within(result).getByRole("button", { name: "Download 3 receipts (.zip)" }));
    });
    const [files] = (actions.downloadReceipts as jest.Mock).mock.calls[0] as [{ file: string; status: string; submission?: Submission }[]];
    expect(files.map((f) => [f.file, f.status, f.submission?.file])).toEqual([
      ["riverside.xlsx", "accepted", "riverside.xlsx"],
      ["green.xlsx", "held", "green.xlsx"],
      ["notes.xlsx", "rejected", "notes.xlsx"],
    ]);
    expect(screen.getByTestId("collate-receipts-note").textContent).toMatch(/^Downloaded Receipts 2020-07-20\.zip/);
  });
});

describe("CollateView's bulletin, feedback and email drafts", () => {
  async function added(actions: CollateActions) {
    renderView(actions);
    await choose(["riverside.xlsx", "green.xlsx", "notes.xlsx"]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Add to this workbook" }));
    });
    return screen.findByTestId("collate-result");
  }
  const status = () => screen.getByRole("status").textContent;

  it("offers the three downloads only after adding, each saying what it is for", async () => {
    const actions = fakeActions();
    renderView(actions);
    await choose(["riverside.xlsx"]);
    expect(screen.queryByRole("button", { name: "Download the sector bulletin" })).toBeNull();
    cleanup();
    const result = await added(actions);
    const list = within(result).getByRole("list", { name: "Files to send back" });
    const bulletin = within(list).getByRole("button", { name: "Download the sector bulletin" });
    expect(bulletin.getAttribute("aria-describedby")).toBe("collate-download-bulletin-help");
    expect(document.getElementById("collate-download-bulletin-help")!.textContent).toMatch(/safe to send to everyone/);
    expect(document.getElementById("collate-download-feedback-help")!.textContent).toMatch(/only its own figures beside the sector's/);
    expect(document.getElementById("collate-download-drafts-help")!.textContent).toMatch(/Open them in Outlook/);
    expect(within(list).getByRole("button", { name: "Download feedback for each organisation" })).toBeTruthy();
    expect(within(list).getByRole("button", { name: "Download email drafts" })).toBeTruthy();
  });

  it("calls each action with the collation added, says what was downloaded and announces it", async () => {
    const actions = fakeActions();
    const result = await added(actions);
    const outcome = (await (actions.addToWorkbook as jest.Mock).mock.results[0]!.value) as CollateInExcelOutcome;

    await act(async () => {
      fireEvent.click(within(result).getByRole("button", { name: "Download the sector bulletin" }));
    });
    expect(actions.downloadBulletin).toHaveBeenCalledWith(outcome);
    expect(screen.getByTestId("collate-download-bulletin-note").textContent).toBe("Downloaded Sector bulletin 2020-07-20.xlsx.");
    expect(status()).toBe("Downloaded Sector bulletin 2020-07-20.xlsx.");

    await act(async () => {
      fireEvent.click(within(result).getByRole("button", { name: "Download feedback for each organisation" }));
    });
    expect(actions.downloadFeedback).toHaveBeenCalledWith(outcome);
    expect(status()).toBe("Downloaded Feedback 2020-07-20.zip: 2 feedback workbooks.");

    await act(async () => {
      fireEvent.click(within(result).getByRole("button", { name: "Download email drafts" }));
    });
    expect(actions.downloadDrafts).toHaveBeenCalledWith(outcome);
    const note = screen.getByTestId("collate-download-drafts-note").textContent;
    expect(note).toBe("Downloaded Email drafts 2020-07-20.zip: 3 email drafts. No email address for GH02 (GH02 Homes): add it in Outlook before sending.");
    expect(status()).toBe(note);
    // The bulletin's note stays.
    expect(screen.getByTestId("collate-download-bulletin-note").textContent).toMatch(/^Downloaded Sector bulletin/);
  });

  it("says plainly when a download fails, and the buttons work again", async () => {
    const actions = fakeActions({ downloadFeedback: jest.fn(async () => Promise.reject(new UserFacingError("The feedback could not be made.", "Try again."))) });
    const result = await added(actions);
    await act(async () => {
      fireEvent.click(within(result).getByRole("button", { name: "Download feedback for each organisation" }));
    });
    expect(result.textContent).toContain("The file was not downloaded");
    expect(result.textContent).toContain("The feedback could not be made.");
    expect(status()).toBe("The feedback workbooks could not be downloaded.");
    expect(screen.queryByTestId("collate-download-feedback-note")).toBeNull();
    expect(within(result).getByRole("button", { name: "Download the sector bulletin" }).getAttribute("aria-disabled")).not.toBe("true");
  });

  describe("in a workbook that holds a return", () => {
    const reason = REFUSAL.holdsAReturn("RH01").message;

    it("asks to use a new workbook instead, offering nothing to add here; opening one says what to do next, with focus", async () => {
      const actions = fakeActions({ sectorSettings: jest.fn(async () => ({ registerOrganisations: 0, holdsReturn: reason, canOpenNewWorkbook: true })) });
      renderView(actions);
      const notice = await screen.findByTestId("collate-holds-return");
      expect(within(notice).getByRole("heading", { name: "Use a new workbook" })).toBeTruthy();
      expect(notice.textContent).toContain("This workbook holds RH01's return. The sector workbook should be a workbook of its own");
      // Nothing that would write to this workbook, nor choose returns for it.
      expect(screen.queryByRole("button", { name: "Choose returns…" })).toBeNull();
      expect(screen.queryByLabelText("Choose returns")).toBeNull();
      expect(screen.queryByRole("button", { name: "Add to this workbook" })).toBeNull();

      await act(async () => {
        fireEvent.click(within(notice).getByRole("button", { name: "Use a new workbook" }));
      });
      expect(actions.openNewWorkbook).toHaveBeenCalledTimes(1);
      const opened = screen.getByTestId("collate-new-workbook-opened");
      expect(opened.textContent).toBe(NEW_WORKBOOK_STEP.opened);
      expect(document.activeElement).toBe(opened);
      expect(screen.getByRole("status").textContent).toBe(NEW_WORKBOOK_STEP.opened);
      expect(screen.queryByRole("button", { name: "Use a new workbook" })).toBeNull();
    });

    it("where Excel cannot open one, says how to make it by hand", async () => {
      const actions = fakeActions({ sectorSettings: jest.fn(async () => ({ registerOrganisations: 0, holdsReturn: reason, canOpenNewWorkbook: false })) });
      renderView(actions);
      const notice = await screen.findByTestId("collate-holds-return");
      expect(notice.textContent).toContain(NEW_WORKBOOK_STEP.byHand);
      expect(within(notice).queryByRole("button")).toBeNull();
    });

    it("a failure to open one is said plainly, with focus, and the button stays", async () => {
      const actions = fakeActions({
        sectorSettings: jest.fn(async () => ({ registerOrganisations: 0, holdsReturn: reason, canOpenNewWorkbook: true })),
        openNewWorkbook: jest.fn(async () => Promise.reject(new UserFacingError("This version of Excel cannot open a new workbook for Impact Returns.", NEW_WORKBOOK_STEP.byHand))),
      });
      renderView(actions);
      const notice = await screen.findByTestId("collate-holds-return");
      await act(async () => {
        fireEvent.click(within(notice).getByRole("button", { name: "Use a new workbook" }));
      });
      expect(notice.textContent).toContain("No new workbook was opened");
      expect(notice.textContent).toContain(NEW_WORKBOOK_STEP.byHand);
      expect(notice.contains(document.activeElement)).toBe(true);
      expect(within(notice).getByRole("button", { name: "Use a new workbook" }).getAttribute("aria-disabled")).not.toBe("true");
    });
  });
});
