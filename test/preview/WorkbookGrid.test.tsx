/**
 * @jest-environment jsdom
 *
 * The preview grid as an editable ARIA grid over a real in-memory host: arrows move the selection,
 * typing and Enter write through the host (validation's stop alert, protection's message), Delete
 * clears, a paste fills a block bypassing validation, and numbers too wide show ####.
 */
import { TextEncoder as NodeTextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useSyncExternalStore } from "react";
import { MemoryExcelHost } from "../../src/memory-host";
import { WorkbookGrid } from "../../src/preview/WorkbookGrid";

globalThis.structuredClone ??= (<T,>(value: T): T => deserialize(serialize(value)) as T) as typeof structuredClone;
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
// jsdom does not lay out, so it has no scrolling.
Element.prototype.scrollTo ??= () => undefined;
Element.prototype.scrollIntoView ??= () => undefined;

function Live({ host }: { host: MemoryExcelHost }) {
  const version = useSyncExternalStore(
    (l) => host.subscribe(l),
    () => host.workbook.version,
  );
  return <WorkbookGrid workbook={host.workbook} version={version} host={host} />;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

async function setUpHost(): Promise<MemoryExcelHost> {
  const host = new MemoryExcelHost();
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A5").format.protection.locked = false;
    sheet.getRange("C1").values = [["Locked"]];
    sheet.getRange("A1:A5").dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 100, operator: "Between" } };
    sheet.getRange("A1:A5").dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Not a valid figure", message: "Enter a whole number from 0 to 100." };
    sheet.protection.protect();
    await context.sync();
  });
  await host.userSelect("Sheet1", "A1");
  return host;
}

afterEach(cleanup);

describe("the editable grid", () => {
  it("is an ARIA grid: typing and Enter write the cell and move down; arrows move", async () => {
    const host = await setUpHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <Live host={host} />
      </FluentProvider>,
    );
    const grid = screen.getByRole("grid", { name: "Sheet1 sheet" });
    expect(grid.getAttribute("aria-activedescendant")).toMatch(/-A1$/);
    grid.focus();
    fireEvent.keyDown(grid, { key: "4" });
    await settle();
    const editor = screen.getByRole("textbox", { name: "Editing Sheet1!A1" }) as HTMLInputElement;
    expect(editor.value).toBe("4");
    fireEvent.change(editor, { target: { value: "42" } });
    fireEvent.keyDown(editor, { key: "Enter" });
    await settle();
    expect(host.cell("Sheet1", "A1").value).toBe(42);
    expect(host.selection).toEqual({ sheet: "Sheet1", address: "A2" });
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    await settle();
    expect(host.selection.address).toBe("B2");
    expect(screen.getAllByRole("gridcell").find((c) => c.getAttribute("aria-selected") === "true")?.dataset.cell).toBe("B2");
  });

  it("refuses a value the validation stops, with Retry and Cancel", async () => {
    const host = await setUpHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <Live host={host} />
      </FluentProvider>,
    );
    const grid = screen.getByRole("grid");
    fireEvent.keyDown(grid, { key: "5" });
    await settle();
    const editor = screen.getByRole("textbox", { name: "Editing Sheet1!A1" });
    fireEvent.change(editor, { target: { value: "500" } });
    fireEvent.keyDown(editor, { key: "Enter" });
    await settle();
    const alert = screen.getByRole("alertdialog", { name: "Not a valid figure" });
    expect(alert.textContent).toMatch(/Enter a whole number from 0 to 100\./);
    expect(host.cell("Sheet1", "A1").value).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await settle();
    expect(host.cell("Sheet1", "A1").value).toBe("");
  });

  it("shows a list cell's dropdown on the active cell only; Alt+Down opens it, arrows and Enter pick, as if typed", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      // The source: month-start dates shown "mmm yyyy", with a blank in the middle, through a defined name.
      sheet.getRange("F1:F4").values = [[46204], [""], [46235], [46266]];
      sheet.getRange("F1:F4").numberFormat = [["mmm yyyy"], ["mmm yyyy"], ["mmm yyyy"], ["mmm yyyy"]];
      context.workbook.names.add("Months", "=Sheet1!$F$1:$F$4");
      sheet.getRange("B2:B4").numberFormat = [["mmm yyyy"], ["mmm yyyy"], ["mmm yyyy"]];
      sheet.getRange("B2:B4").dataValidation.rule = { list: { inCellDropDown: true, source: "=Months" } };
      sheet.getRange("B2:B4").dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Choose from the list", message: "Month: choose a value from the dropdown." };
      await context.sync();
    });
    await host.userSelect("Sheet1", "A2");
    const changes: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e) => void changes.push(e.address));
      await context.sync();
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <Live host={host} />
      </FluentProvider>,
    );
    const grid = screen.getByRole("grid");
    expect(screen.queryByRole("button", { name: /Choose a value/ })).toBeNull();
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    await settle();
    const arrow = screen.getByRole("button", { name: "Choose a value for Sheet1!B2" });
    expect(arrow.closest("td")?.dataset.cell).toBe("B2");
    expect(arrow.getAttribute("aria-expanded")).toBe("false");
    fireEvent.keyDown(grid, { key: "ArrowDown", altKey: true });
    await settle();
    const list = screen.getByRole("listbox", { name: "Values for Sheet1!B2" });
    expect(document.activeElement).toBe(list);
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Jul 2026", "Aug 2026", "Sep 2026"]);
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: "x" });
    await settle();
    expect(screen.getByRole("option", { selected: true }).textContent).toBe("Aug 2026");
    fireEvent.keyDown(list, { key: "Enter" });
    await settle();
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(host.cell("Sheet1", "B2").value).toBe(46235);
    expect(host.cell("Sheet1", "B2").text).toBe("Aug 2026");
    expect(changes).toContain("B2");
    expect(document.activeElement).toBe(grid);

    // By mouse on the next cell; Escape closes with nothing written.
    fireEvent.keyDown(grid, { key: "ArrowDown" });
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Choose a value for Sheet1!B3" }));
    await settle();
    fireEvent.keyDown(screen.getByRole("listbox"), { key: "Escape" });
    await settle();
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(document.activeElement).toBe(grid);
    expect(host.cell("Sheet1", "B3").value).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Choose a value for Sheet1!B3" }));
    await settle();
    fireEvent.click(screen.getByRole("option", { name: "Sep 2026" }));
    await settle();
    expect(host.cell("Sheet1", "B3").value).toBe(46266);
  });

  it("says a locked cell on a protected sheet is protected, in Excel's words", async () => {
    const host = await setUpHost();
    await host.userSelect("Sheet1", "C1");
    render(
      <FluentProvider theme={webLightTheme}>
        <Live host={host} />
      </FluentProvider>,
    );
    fireEvent.keyDown(screen.getByRole("grid"), { key: "x" });
    await settle();
    expect(screen.getByRole("alertdialog").textContent).toMatch(/The cell or chart you're trying to change is on a protected sheet\./);
    expect(host.cell("Sheet1", "C1").value).toBe("Locked");
  });

  it("pastes a block (validation bypassed, as in Excel) and clears with Delete", async () => {
    const host = await setUpHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <Live host={host} />
      </FluentProvider>,
    );
    const grid = screen.getByRole("grid");
    fireEvent.paste(grid, { clipboardData: { getData: () => "7\n500\n" } });
    await settle();
    expect(host.cell("Sheet1", "A1").value).toBe(7);
    expect(host.cell("Sheet1", "A2").value).toBe(500);
    expect(host.selection.address).toBe("A1:A2");
    fireEvent.keyDown(grid, { key: "Delete" });
    await settle();
    expect(host.cell("Sheet1", "A1").value).toBe("");
    expect(host.cell("Sheet1", "A2").value).toBe("");
  });
});
