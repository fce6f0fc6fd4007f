/**
 * @jest-environment jsdom
 *
 * The Set up view against SetupActions backed by the Excel gateway on the in-memory Excel host:
 * organisation and code required with inline messages, the code shown as it will be stored, the
 * review repeating organisation, code and year, the new workbook's empty sheet named, and a re-run
 * with nothing to change saying so with no primary action.
 */
import { deserialize, serialize } from "node:v8";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { builtinFrameworks, findBuiltinFramework } from "../../src/core/framework";
import { readExistingReturn } from "../../src/core/return";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import type { SetupActions } from "../../src/taskpane/actions";
import { SetupView } from "../../src/taskpane/views/SetupView";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };

function actionsFor(host: MemoryExcelHost): SetupActions {
  const gateway = createExcelGateway(host);
  return {
    builtinFrameworks: () => builtinFrameworks(),
    loadFrameworkFile: () => Promise.resolve(v1),
    defaultYearStart: () => april2020,
    readExisting: async () => readExistingReturn(await gateway.readWorkbook()),
    previewSetup: (framework, details) => gateway.previewSetup(framework, details, april2020),
    runSetup: (framework, details, onProgress) => gateway.setUp(framework, details, april2020, onProgress),
    goToCell: (sheet, cell) => gateway.selectCell(sheet, cell),
  };
}

async function renderView(host: MemoryExcelHost) {
  render(
    <FluentProvider theme={webLightTheme}>
      <SetupView actions={actionsFor(host)} />
    </FluentProvider>,
  );
  await screen.findByRole("textbox", { name: /^Organisation$/ });
}

// jsdom has no structuredClone; the in-memory host copies snapshots with it.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

afterEach(cleanup);

it("asks for the organisation and its code with inline messages, and reviews nothing until both are given", async () => {
  const host = new MemoryExcelHost();
  await renderView(host);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Review changes" })));
  expect(screen.getByText("Enter your organisation's name.")).toBeTruthy();
  expect(screen.getByText(/Enter the code the centre gave your organisation/)).toBeTruthy();
  expect(screen.queryByRole("region", { name: "Review changes" })).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole("textbox", { name: /^Organisation$/ }));
});

it("shows the code as it will be stored, repeats organisation, code and year in the review, names the empty Sheet1, then sets up", async () => {
  const host = new MemoryExcelHost();
  await renderView(host);
  fireEvent.change(screen.getByRole("textbox", { name: /^Organisation$/ }), { target: { value: "  Riverside Homes " } });
  fireEvent.change(screen.getByRole("textbox", { name: /^Organisation code/ }), { target: { value: "  RH01  " } });
  expect(screen.getByText("Stored as RH01: the code the centre gave you.")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Review changes" })));
  const review = await screen.findByRole("region", { name: "Review changes" });
  expect(review.querySelector("dl")!.textContent).toBe(`OrganisationRiverside HomesOrganisation codeRH01Reporting yearApr 2020 to Mar 2021Framework${v1.title} (version 1)`);
  expect(review.textContent).toMatch(/Removes the empty sheet 'Sheet1' the new workbook started with\./);
  expect(review.textContent).not.toMatch(/community-investment-monthly|layout 1\./);
  await act(async () => fireEvent.click(within(review).getByRole("button", { name: "Set up workbook" })));
  await screen.findByText("The workbook is set up");
  expect(host.cell("Return", "B2").value).toBe("Riverside Homes");
  expect(host.cell("Return", "B3").value).toBe("RH01");
  expect(host.toJSON().sheets.map((s) => s.name)).not.toContain("Sheet1");
});

it("says there is nothing to change on a re-run, with no primary action and no 'keeps all 0 figures'", async () => {
  const host = new MemoryExcelHost();
  await createExcelGateway(host).setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
  await renderView(host);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Review changes" })));
  const review = await screen.findByRole("region", { name: "Review changes" });
  expect(within(review).getByText("Nothing to change")).toBeTruthy();
  expect(review.textContent).not.toMatch(/\b0 figures/);
  expect(within(review).queryByRole("button", { name: "Set up workbook" })).toBeNull();
  const again = within(review).getByRole("button", { name: "Set up workbook again" });
  expect(again.className).not.toMatch(/primary/);
});
