/**
 * A limit refusal says what it found - the merged range, validation, name, table or sheet that
 * tripped the limit, the sheet named as the workbook names it - and the next step that fits.
 * Each input is a small real workbook with one part changed; each message is asserted whole.
 */
import { FileProblem } from "../../src/xlsx/problem";
import { guardXlsx, rangeWords } from "../../src/xlsx/zip-guard";
import { partText, SHEET, SHEET_HEAD, SHEET_TAIL, workbookWith } from "../support/hostile-files";

async function refusal(file: string, bytes: Uint8Array): Promise<FileProblem> {
  const error = await guardXlsx(bytes, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FileProblem)) throw new Error(`${file} was not refused`);
  expect(error.kind).toBe("too-large");
  return error;
}

const LIMITS_NOTE = "too large for a return workbook (docs/limits.md gives the limits)";

describe("limit refusals say what they found", () => {
  it("describes ranges in words", () => {
    expect(rangeWords("B1:B1048576")).toBe("the whole of column B");
    expect(rangeWords("$A$1:$C$1048576")).toBe("the whole of columns A to C");
    expect(rangeWords("A1:XFD1048576")).toBe("the whole sheet");
    expect(rangeWords("A5:XFD9")).toBe("the whole of rows 5 to 9");
    expect(rangeWords("A1:Z50000")).toBe("A1:Z50000 (1,300,000 cells)");
  });

  it("blames one merged range over a whole column, and says to unmerge it", async () => {
    const sheet = (await partText(SHEET)).replace("</worksheet>", '<mergeCells count="1"><mergeCell ref="B1:B1048576"/></mergeCells></worksheet>');
    const problem = await refusal("merge.xlsx", await workbookWith({ [SHEET]: sheet }));
    expect(problem.message).toBe(
      `'merge.xlsx' cannot be read: it holds more than 1,000,000 cells (counting merged ranges), ${LIMITS_NOTE}: one merged range on sheet 'Return' covers the whole of column B. Open it in Excel, unmerge that range on sheet 'Return' (Home > Merge & Center) and save it again.`,
    );
  });

  it("blames one data validation over the whole sheet, and says to remove or narrow it", async () => {
    const sheet = (await partText(SHEET)).replace("</worksheet>", '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations></worksheet>');
    const problem = await refusal("validation.xlsx", await workbookWith({ [SHEET]: sheet }));
    expect(problem.message).toBe(
      `'validation.xlsx' cannot be read: it holds more than 3,000,000 cells under data validation or named ranges, ${LIMITS_NOTE}: one data validation on sheet 'Return' covers the whole sheet. Open it in Excel, remove that validation or limit it to the cells the return uses (Data > Data Validation) and save it again.`,
    );
  });

  it("blames a defined name over whole columns", async () => {
    const workbook = (await partText("xl/workbook.xml")).replace("</workbook>", '<definedNames><definedName name="Everything">Return!$A$1:$C$1048576</definedName></definedNames></workbook>');
    const problem = await refusal("names.xlsx", await workbookWith({ "xl/workbook.xml": workbook }));
    expect(problem.message).toBe(
      `'names.xlsx' cannot be read: it holds more than 3,000,000 cells under data validation or named ranges, ${LIMITS_NOTE}: the name 'Everything' covers the whole of columns A to C. Open it in Excel, delete that name or narrow it to the cells it needs (Formulas > Name Manager) and save it again.`,
    );
  });

  it("names the table whose range is the whole sheet, and the sheet whose used range is", async () => {
    const table = (await partText("xl/tables/table1.xml")).replace(/ref="A1:B2"/g, 'ref="A1:XFD1048576"');
    expect((await refusal("table.xlsx", await workbookWith({ "xl/tables/table1.xml": table }))).message).toBe(
      `'table.xlsx' cannot be read: a table's range A1:XFD1048576 covers more than 2,000,000 cells, ${LIMITS_NOTE}: table 'ReturnDetails' covers the whole sheet. Open it in Excel, resize table 'ReturnDetails' to its data (Table Design > Resize Table) and save it again.`,
    );
    const sheet = (await partText(SHEET)).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
    expect((await refusal("used.xlsx", await workbookWith({ [SHEET]: sheet }))).message).toBe(
      `'used.xlsx' cannot be read: a sheet's used range A1:XFD1048576 covers more than 2,000,000 cells, ${LIMITS_NOTE}: the used range of sheet 'Return' covers the whole sheet. Open it in Excel, delete the unused rows and columns on sheet 'Return' (select them, then Delete) and save it again.`,
    );
  });

  it("names the sheet with the rows, through the workbook's relationships (a sheet part named oddly)", async () => {
    const rows = SHEET_HEAD + Array.from({ length: 1_000_001 }, (_, i) => `<row r="${i + 1}"/>`).join("") + SHEET_TAIL;
    const moved = "xl/worksheets/Data One.xml";
    const rels = (await partText("xl/_rels/workbook.xml.rels")).replace('Target="worksheets/sheet1.xml"', `Target="/${moved}"`);
    const types = (await partText("[Content_Types].xml")).replace('PartName="/xl/worksheets/sheet1.xml"', `PartName="/${moved}"`);
    expect(rels).toContain(moved);
    const bytes = await workbookWith({ [SHEET]: "<worksheet/>", [moved]: rows, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types });
    expect((await refusal("rows.xlsx", bytes)).message).toBe(
      `'rows.xlsx' cannot be read: it holds more than 1,000,000 rows, ${LIMITS_NOTE}: sheet 'Return' has 1,000,001 or more rows in use. Check it is the right file; if it is, open it in Excel, delete the empty rows below the data on sheet 'Return' and save it again.`,
    );
  });
});
