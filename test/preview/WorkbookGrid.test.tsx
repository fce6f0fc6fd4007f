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
