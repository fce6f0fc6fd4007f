/**
 * @jest-environment jsdom
 *
 * The Summarise view against fake SummariseActions: the key figures it shows (flows by year to
 * date and latest month, stocks by latest value and direction, never a year total), progress,
 * failures in plain English, and the Show button.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { MeasureSummary, MonthFigure, ReturnSummary } from "../../src/core/summary";
import type { LastYearReturn, SummariseOutcome } from "../../src/excel/gateway";
import { UserFacingError } from "../../src/excel/errors";
import type { SummariseActions } from "../../src/taskpane/actions";
import type { LastYearRead } from "../../src/taskpane/actions/summarise";
import { SummariseView } from "../../src/taskpane/views/SummariseView";

const MONTHS = [4, 5, 6, 7].map((month) => ({ year: 2020, month }));

function figures(values: number[]): MonthFigure[] {
  return values.map((value, slot) => ({ month: MONTHS[slot]!, slot, value }));
}

function measure(partial: Pick<MeasureSummary, "code" | "measure" | "unit" | "kind"> & Partial<MeasureSummary>, values: number[]): MeasureSummary {
  const f = figures(values);
  const m: MeasureSummary = { breakdown: "", key: true, inReturn: true, figures: f, monthsReported: f.length, excluded: 0, headline: false, warned: 0, ...partial };
  if (f.length > 0) m.latest = f[f.length - 1];
  if (m.kind === "flow" && f.length > 0) {
    m.yearToDate = values.reduce((a, b) => a + b, 0);
    m.monthlyAverage = m.yearToDate / f.length;
  }
  if (f.length >= 2) {
    m.previous = f[f.length - 2];
    m.change = m.latest!.value - m.previous!.value;
    if (m.kind === "stock") m.direction = m.change > 0 ? "Higher" : m.change < 0 ? "Lower" : "Same";
  }
  return m;
}

function summaryOf(measures: MeasureSummary[], extra: Partial<ReturnSummary> = {}): ReturnSummary {
  return {
    organisation: "Riverside Homes",
    organisationCode: "RH01",
    framework: { id: "community-investment-monthly", version: 1, title: "Community investment monthly measures" },
    yearStart: { year: 2020, month: 4 },
    monthsCovered: MONTHS,
    measures,
    socialValue: {
      rows: [],
      byOutcomeArea: [
        { name: "Social isolation", outcomes: 2, value: 52000 },
        { name: "Poverty", outcomes: 1, value: 10500.5 },
      ],
      byStakeholderGroup: [],
      total: 62500.5,
      outcomes: 3,
      excluded: 0,
    },
    caseStudies: {
      byOutcomeArea: [],
      stories: [{ title: "Back in touch", monthText: "May 2020", outcomeArea: "Social isolation", stakeholderGroup: "Older residents" }],
      withoutConsent: 2,
    },
    reflections: { lines: [], excluded: 0 },
    excludedFigures: 0,
    errors: 0,
    warnings: 1,
    warnedFigures: 0,
    ...extra,
  };
}

const MEASURES = [
  measure({ code: "WELFARE_CALLS", measure: "Welfare calls made", unit: "count", kind: "flow" }, [1840, 1320, 960, 710]),
  measure({ code: "FINANCIAL_SUPPORT", measure: "Direct financial support given", breakdown: "Total", unit: "gbp", kind: "flow" }, [18450, 15320.5, 11275, 9880.25]),
  measure({ code: "FINANCIAL_SUPPORT", measure: "Direct financial support given", breakdown: "Hardship grants", key: false, unit: "gbp", kind: "flow" }, [9200]),
  measure({ code: "VULNERABLE_RESIDENTS", measure: "Vulnerable residents", unit: "people", kind: "stock" }, [2310, 2365, 2342, 2298]),
  measure({ code: "RENT_ARREARS_RISK", measure: "Residents at risk of rent arrears", unit: "people", kind: "stock" }, [1120, 1245]),
  measure({ code: "COMMUNITY_STAFF", measure: "Staff in community-facing roles", key: false, unit: "people", kind: "stock" }, [46, 52]),
];

function outcomeOf(summary: ReturnSummary): SummariseOutcome {
  return { summary, sheets: ["Board summary", "Summary charts", "Summary pivots", "Summary data"], pivots: 3, charts: 6 };
}

function fakeActions(results: (SummariseOutcome | Error)[], steps: [string, number][] = []) {
  let release: (() => void) | undefined;
  const actions = {
    summarise: jest.fn(async (onProgress: (step: string, fraction: number) => void, _lastYear?: LastYearReturn) => {
      for (const [step, fraction] of steps) onProgress(step, fraction);
      if (steps.length > 0) await new Promise<void>((resolve) => (release = resolve));
      const next = results.length > 1 ? results.shift()! : results[0]!;
      if (next instanceof Error) throw next;
      return next;
    }),
    readLastYear: jest.fn((file: File): Promise<LastYearRead> => Promise.resolve({ file: file.name, summary: summaryOf(MEASURES, { yearStart: { year: 2019, month: 4 } }) })),
    showBoardSummary: jest.fn(() => Promise.resolve()),
  } satisfies SummariseActions;
  return { actions, release: () => release?.() };
}

function renderView(actions: SummariseActions) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SummariseView actions={actions} />
    </FluentProvider>,
  );
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await Promise.resolve();
    });
  }
}

async function clickBuild(name = "Build board summary"): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name }));
  await settle();
}

function card(name: string): HTMLElement {
  return screen.getByRole("listitem", { name });
}

/** A card's figures as "term: value" lines. */
function figuresOf(name: string): string[] {
  const terms = within(card(name)).queryAllByRole("term");
  return terms.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent ?? ""}`);
}

afterEach(cleanup);

describe("the Summarise view", () => {
  it("shows the key figures: flows by year to date and latest month, money in pounds", async () => {
    const { actions } = fakeActions([outcomeOf(summaryOf(MEASURES))]);
    renderView(actions);
    expect(screen.getByText("Not built yet")).toBeTruthy();
    await clickBuild();

    expect(actions.summarise).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("months-covered").textContent).toBe("Riverside Homes (RH01): Apr 2020 to Jul 2020, 4 of 12 months");
    const names = within(screen.getByRole("region", { name: "Key figures" }))
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent);
    // Key measures only, in framework order; not the breakdowns or the measures the framework does not mark key.
    expect(names).toEqual(["Welfare calls made", "Direct financial support given", "Vulnerable residents", "Residents at risk of rent arrears"]);
    expect(figuresOf("Welfare calls made")).toEqual(["Year to date: 4,830 (4 months)", "Latest month: 710 in Jul 2020"]);
    expect(figuresOf("Direct financial support given")).toEqual(["Year to date: £54,925.75 (4 months)", "Latest month: £9,880.25 in Jul 2020"]);

    const value = screen.getByRole("region", { name: "Social value and stories" });
    expect(value.textContent).toMatch(/Social value£62,500\.50 from 3 outcomes/);
    expect(value.textContent).toMatch(/Stories listed1/);
    expect(value.textContent).toMatch(/Without consent2 \(counted, not shown\)/);
    expect(within(value).getByRole("list", { name: "Social value by outcome area" }).textContent).toMatch(/Social isolation: £52,000\.00 \(2 outcomes\)/);

    // The result is announced, and focus moves to it.
    expect(screen.getByRole("status").textContent).toBe("Board summary built: 4 key figures, Apr 2020 to Jul 2020, 4 of 12 months.");
    expect(document.activeElement?.id).toBe("summarise-results-heading");
    expect(screen.getByTestId("built-at").textContent).toMatch(/^Built at \d{2}:\d{2}$/);
    expect(screen.getByText(/3 PivotTables on the Summary pivots sheet and 6 charts on the Summary charts sheet/)).toBeTruthy();
    // Never internal codes or units.
    const text = document.body.textContent ?? "";
    expect(text).not.toMatch(/WELFARE_CALLS|FINANCIAL_SUPPORT|gbp|\bflow\b|\bstock\b/);
  });

  it("shows stocks by latest value and direction in words with an icon, never a year total", async () => {
    const { actions } = fakeActions([outcomeOf(summaryOf(MEASURES))]);
    renderView(actions);
    await clickBuild();
    expect(figuresOf("Vulnerable residents")).toEqual(["Latest: 2,298 in Jul 2020", "Direction: Lower than Jun 2020 (down 44)"]);
    expect(figuresOf("Residents at risk of rent arrears")).toEqual(["Latest: 1,245 in May 2020", "Direction: Higher than Apr 2020 (up 125)"]);
    expect(within(card("Vulnerable residents")).queryByText(/Year to date/)).toBeNull();
    // The direction has an icon beside its words (hidden from screen readers, which read the words).
    const direction = within(card("Vulnerable residents")).getByText(/^Lower than/);
    expect(direction.querySelector("svg[aria-hidden='true']")).toBeTruthy();
  });

  it("says the same month twice and a stock reported once", async () => {
    const same = measure({ code: "S", measure: "Residents on Universal Credit", unit: "people", kind: "stock" }, [3302, 3302]);
    const once = measure({ code: "O", measure: "Staff redeployed", unit: "people", kind: "stock" }, [18]);
    const none = measure({ code: "N", measure: "Volunteer hours given", unit: "hours", kind: "flow" }, []);
    const { actions } = fakeActions([outcomeOf(summaryOf([same, once, none], { monthsCovered: MONTHS.slice(0, 2) }))]);
    renderView(actions);
    await clickBuild();
    expect(figuresOf("Residents on Universal Credit")).toEqual(["Latest: 3,302 in May 2020", "Direction: Same as Apr 2020"]);
    expect(figuresOf("Staff redeployed")).toEqual(["Latest: 18 in Apr 2020", "Direction: Only one month reported"]);
    expect(within(card("Volunteer hours given")).getByText("Not reported yet.")).toBeTruthy();
    expect(screen.getByTestId("months-covered").textContent).toBe("Riverside Homes (RH01): Apr 2020 to May 2020, 2 of 12 months");
  });

  it("shows every measure's total when the framework marks none as key", async () => {
    const unkeyed = MEASURES.map((m) => ({ ...m, key: false }));
    const hours = measure({ code: "VOLUNTEER_HOURS", measure: "Volunteer hours given", key: false, unit: "hours", kind: "flow" }, [420, 515]);
    const { actions } = fakeActions([outcomeOf(summaryOf([...unkeyed, hours]))]);
    renderView(actions);
    await clickBuild();
    const names = within(screen.getByRole("region", { name: "Key figures" }))
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent);
    expect(names).toEqual([
      "Welfare calls made",
      "Direct financial support given",
      "Vulnerable residents",
      "Residents at risk of rent arrears",
      "Staff in community-facing roles",
      "Volunteer hours given",
    ]);
    expect(figuresOf("Volunteer hours given")).toEqual(["Year to date: 935 hours (2 months)", "Latest month: 515 hours in May 2020"]);
  });

  it("says when figures with check errors were left out", async () => {
    const withExcluded = MEASURES.map((m) => (m.code === "WELFARE_CALLS" ? { ...m, excluded: 2 } : m));
    const { actions } = fakeActions([outcomeOf(summaryOf(withExcluded, { excludedFigures: 3, errors: 3 }))]);
    renderView(actions);
    await clickBuild();
    expect(screen.getByText("3 figures with check errors were left out: run Check to see them.")).toBeTruthy();
    expect(figuresOf("Welfare calls made")).toContain("Left out: 2 figures with check errors");
    expect(screen.getByRole("status").textContent).toMatch(/3 figures with check errors were left out/);
  });

  it("shows progress while it builds, then refreshes on the same button", async () => {
    const { actions, release } = fakeActions([outcomeOf(summaryOf(MEASURES))], [["Reading the return", 0.1], ["Writing the summary, PivotTables and charts", 0.5]]);
    renderView(actions);
    await clickBuild();
    expect(screen.getByTestId("summarise-step").textContent).toBe("Writing the summary, PivotTables and charts…");
    const bar = screen.getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0.5");
    expect(screen.getByRole("status").textContent).toBe("Writing the summary, PivotTables and charts…");
    // Pressed again while running: nothing more happens.
    const button = screen.getByRole("button", { name: "Build board summary" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button);
    await settle();
    expect(actions.summarise).toHaveBeenCalledTimes(1);

    release();
    await settle();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("region", { name: "Key figures" })).toBeTruthy();

    // A second run refreshes.
    await clickBuild("Refresh board summary");
    expect(screen.getByTestId("summarise-step").textContent).toBe("Writing the summary, PivotTables and charts…");
    release();
    await settle();
    expect(actions.summarise).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId("built-at").textContent).toMatch(/^Refreshed at/);
    expect(screen.getByRole("status").textContent).toMatch(/^Board summary refreshed/);
  });

  it("shows a refusal plainly, with its hint, and focuses it", async () => {
    const refusal = new UserFacingError("This workbook is not a return, so there is nothing to summarise.", "Open a return workbook (one made by Set up), or run Set up first.");
    const { actions } = fakeActions([refusal]);
    renderView(actions);
    await clickBuild();
    const message = screen.getByRole("group", { name: "The board summary was not built" });
    expect(message.textContent).toMatch(/This workbook is not a return, so there is nothing to summarise\./);
    expect(message.textContent).toMatch(/Open a return workbook \(one made by Set up\), or run Set up first\./);
    expect(message.parentElement).toBe(document.activeElement);
    expect(screen.queryByRole("region", { name: "Key figures" })).toBeNull();
    expect(screen.getByRole("button", { name: "Build board summary" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("The board summary was not built.");
  });

  it("never shows a stack trace for an unexpected failure", async () => {
    const { actions } = fakeActions([new Error("Memory Excel host: Foo is not implemented\n    at bar (x.js:1:1)")]);
    renderView(actions);
    await clickBuild();
    const message = screen.getByRole("group", { name: "The board summary was not built" });
    expect(message.textContent).toMatch(/Building the board summary could not finish\. Memory Excel host: Foo is not implemented\./);
    expect(message.textContent).not.toMatch(/x\.js/);
  });

  it("shows the Board summary sheet when asked, and says so when it cannot", async () => {
    const { actions } = fakeActions([outcomeOf(summaryOf(MEASURES))]);
    renderView(actions);
    expect(screen.queryByRole("button", { name: "Show the board summary" })).toBeNull();
    await clickBuild();
    fireEvent.click(screen.getByRole("button", { name: "Show the board summary" }));
    await settle();
    expect(actions.showBoardSummary).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toBe("Showing the Board summary sheet in the workbook.");

    actions.showBoardSummary.mockImplementationOnce(() => Promise.reject(new UserFacingError("There is no sheet called 'Board summary'.", "Build the board summary again.")));
    fireEvent.click(screen.getByRole("button", { name: "Show the board summary" }));
    await settle();
    expect(screen.getByRole("group", { name: "Could not show the board summary" }).textContent).toMatch(/There is no sheet called 'Board summary'\./);
  });

  it("has its headings in order", async () => {
    const { actions } = fakeActions([outcomeOf(summaryOf(MEASURES))]);
    renderView(actions);
    await clickBuild();
    const levels = screen.getAllByRole("heading").map((h) => `${h.tagName} ${h.textContent}`);
    expect(levels.slice(0, 4)).toEqual(["H2 Summarise for the board", "H3 Board summary", "H3 Key figures", "H4 Welfare calls made"]);
    expect(levels.slice(-2)).toEqual(["H3 Social value and stories", "H3 In the workbook"]);
  });

  it("compares with last year: the chosen file is read through the actions and given to the build; a refused file says why", async () => {
    const { actions } = fakeActions([outcomeOf(summaryOf(MEASURES))]);
    renderView(actions);
    const input = screen.getByTestId("last-year-file");
    const file = new File(["x"], "riverside-2019.xlsx");
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
      await Promise.resolve();
    });
    expect(actions.readLastYear).toHaveBeenCalledWith(file);
    expect(screen.getByTestId("last-year").textContent).toBe("Last year: riverside-2019.xlsx, set beside this year when the board summary is built.");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Build board summary" }));
      await Promise.resolve();
    });
    expect(actions.summarise.mock.calls[0]![1]).toMatchObject({ file: "riverside-2019.xlsx", summary: { yearStart: { year: 2019, month: 4 } } });

    actions.readLastYear.mockImplementationOnce(() => Promise.resolve({ file: "bridge.xlsx", problem: "'bridge.xlsx' is not a return workbook, so it cannot be set beside this year: choose last year's return." }));
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(["x"], "bridge.xlsx")] } });
      await Promise.resolve();
    });
    expect(screen.getByTestId("last-year").textContent).toMatch(/^'bridge\.xlsx' is not a return workbook/);
    fireEvent.click(screen.getByRole("button", { name: "Stop comparing" }));
    expect(screen.queryByTestId("last-year")).toBeNull();
  });
});
