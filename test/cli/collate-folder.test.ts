/**
 * `impact-returns collate FOLDER` accounts for every file in the folder: two real returns are
 * collated; an old .xls, an OpenDocument spreadsheet, a CSV, a PDF and two empty files are each
 * rejected with the reason `impact-returns check` gives for that file (decided by the contents:
 * a workbook saved under a .xls name is still read); a lock file and a .DS_Store are skipped and
 * named on one stderr line and in the JSON's `skipped`. A second run with the receipts and the
 * sector workbook written inside the folder skips those too.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { zipOf } from "../support/hostile-files";
import { compoundFile } from "../support/office-files";
import { makeReturn, makeTemplate } from "../support/returns";

jest.setTimeout(240_000);

interface JsonOut {
  files: { file: string; sha256: string | null; status: string; reason: string; organisationCode: string | null }[];
  skipped: { file: string; kind: string; folder: boolean; reason: string }[];
}

let dir: string;
let cleanUp: () => void;
let returns: string;
const path = (name: string) => join(returns, name);

/** What `check --json` says of a file that is not a workbook it can read. */
function checkError(file: string): string {
  const result = runCli(["check", "--json", file]);
  expect(result.status).toBe(2);
  return (JSON.parse(result.stdout) as { error: string }).error;
}

function collateFolder(extra: string[]): { json: JsonOut; stderr: string } {
  const result = runCli(["collate", returns, "--json", "--as-of", "2020-08-20", ...extra]);
  expect(result.status).toBe(0);
  return { json: JSON.parse(result.stdout) as JsonOut, stderr: result.stderr };
}

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("collate-folder"));
  const template = join(dir, "template.xlsx");
  makeTemplate(template);
  returns = join(dir, "returns");
  mkdirSync(returns);
  const value = (_row: unknown, m: number) => 10 + m;
  await makeReturn(template, path("alpha.xlsx"), { organisation: "Alpha Homes", code: "AL01", homes: 1000, months: 3, value, signedOffOn: new Date(Date.UTC(2020, 6, 5)) });
  await makeReturn(template, path("beta.xlsx"), { organisation: "Beta Homes", code: "BE02", homes: 2000, months: 2, value });
  // A return saved under a .xls name is read by its contents (a copy of beta: a duplicate).
  copyFileSync(path("beta.xlsx"), path("beta copy.xls"));
  // An Excel 97-2003 workbook: an OLE2 compound file with a "Workbook" stream.
  writeFileSync(path("old.xls"), compoundFile(["Workbook", "\u0005SummaryInformation"]));
  // An OpenDocument spreadsheet: a zip whose first entry, stored, is its mimetype.
  writeFileSync(
    path("sheet.ods"),
    zipOf([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") },
      { name: "content.xml", data: Buffer.from('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'), deflate: true },
      { name: "META-INF/manifest.xml", data: Buffer.from('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'), deflate: true },
    ]),
  );
  writeFileSync(path("figures.csv"), "Organisation code,Month,Welfare calls\nAL01,2020-04,10\n");
  writeFileSync(path("report.pdf"), Buffer.concat([Buffer.from("%PDF-1.4\n%"), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]), Buffer.alloc(64), Buffer.from("\n%%EOF\n")]));
  writeFileSync(path("empty.xlsx"), "");
  writeFileSync(path("empty again.xlsx"), "");
  // Excel's lock file: the owner's name, padded.
  writeFileSync(path("~$alpha.xlsx"), Buffer.concat([Buffer.from([9]), Buffer.from("Sam Jones".padEnd(54)), Buffer.alloc(110)]));
  writeFileSync(path(".DS_Store"), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
});

afterAll(() => {
  if (!process.env.KEEP_TEST_FILES) cleanUp?.();
});

describe("impact-returns collate FOLDER: every file accounted for", () => {
  let first: { json: JsonOut; stderr: string };
  const out = () => join(dir, "sector.xlsx");

  beforeAll(() => {
    first = collateFolder(["--out", out(), "--receipts", path("receipts")]);
  });

  it("collates every file that is not a lock file or hidden, with its status", () => {
    const status = Object.fromEntries(first.json.files.map((f) => [f.file.slice(returns.length + 1), f.status]));
    expect(status).toEqual({
      "alpha.xlsx": "accepted",
      "beta.xlsx": "accepted",
      "beta copy.xls": "duplicate",
      "old.xls": "rejected",
      "sheet.ods": "rejected",
      "figures.csv": "rejected",
      "report.pdf": "rejected",
      "empty.xlsx": "rejected",
      "empty again.xlsx": "rejected",
    });
  });

  it("gives each file that is not a workbook the reason check gives for it, and each empty file 'empty'", () => {
    const reason = (name: string) => first.json.files.find((f) => f.file === path(name))!.reason;
    for (const name of ["old.xls", "sheet.ods", "figures.csv", "report.pdf", "empty.xlsx", "empty again.xlsx"]) expect(reason(name)).toBe(checkError(path(name)));
    expect(reason("old.xls")).toMatch(/is an old-style Excel 97-2003 workbook \(\.xls\)\. Open it in Excel, save it as an Excel Workbook \(\.xlsx\)/);
    expect(reason("sheet.ods")).toMatch(/is an OpenDocument spreadsheet \(\.ods\)\. Save it as an Excel Workbook/);
    expect(reason("figures.csv")).toMatch(/is a text file \(perhaps CSV\), not an Excel workbook/);
    expect(reason("report.pdf")).toMatch(/is a PDF document, not an Excel workbook\. Choose the return workbook \(\.xlsx\) instead\.$/);
    // Two empty files have the same SHA-256, yet neither is the other's duplicate.
    expect(reason("empty.xlsx")).toMatch(/is empty \(0 bytes\)/);
    expect(reason("empty again.xlsx")).toMatch(/is empty \(0 bytes\)/);
    expect(reason("beta copy.xls")).toContain("the same bytes as beta.xlsx");
  });

  it("names the lock file and the hidden file on one stderr line and in the JSON's skipped", () => {
    expect(first.json.skipped).toEqual([
      { file: path(".DS_Store"), kind: "hidden", folder: false, reason: "hidden" },
      { file: path("~$alpha.xlsx"), kind: "lock-file", folder: false, reason: "an Excel lock file" },
    ]);
    const lines = first.stderr.split("\n").filter((l) => l.startsWith("Skipped"));
    expect(lines).toEqual(["Skipped 2 files: .DS_Store (hidden), ~$alpha.xlsx (an Excel lock file)"]);
  });

  it("lists every file with its status and reason in the Submissions sheet", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(out());
    const sheet = wb.getWorksheet("Submissions")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const [file, status, reason] = ["File", "Status", "Reason"].map((h) => headers.indexOf(h) + 1);
    const rows = new Map<string, [unknown, unknown]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(file!).value), [row.getCell(status!).value, row.getCell(reason!).value]);
    });
    expect(rows.size).toBe(first.json.files.length);
    for (const f of first.json.files) expect(rows.get(f.file)).toEqual([f.status, f.reason]);
  });

  it("a second run skips the receipts and the sector workbook written into the folder, naming them", () => {
    const inside = path("sector.xlsx");
    const once = collateFolder(["--out", inside, "--receipts", path("receipts")]);
    const again = collateFolder(["--out", inside, "--receipts", path("receipts"), "--force"]);
    for (const run of [once, again]) expect(run.json.files.map((f) => [f.file, f.status, f.reason])).toEqual(first.json.files.map((f) => [f.file, f.status, f.reason]));
    const skipped = again.json.skipped.map((s) => [s.file.slice(returns.length + 1), s.kind]);
    expect(skipped).toEqual([
      [".DS_Store", "hidden"],
      ...first.json.files.map((f) => [`receipts/${f.file.slice(returns.length + 1).replace(/\.xlsx$/i, "")}.receipt.txt`, "receipt"]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      ["sector.xlsx", "output"],
      ["~$alpha.xlsx", "lock-file"],
    ]);
    const line = again.stderr.split("\n").find((l) => l.startsWith("Skipped"))!;
    expect(line).toMatch(/^Skipped 12 files: \.DS_Store \(hidden\), alpha\.receipt\.txt \(a Collate receipt\), /);
    expect(line.length).toBeLessThan(700);
  });

  it("refuses a folder with nothing to collate, naming what it skipped", () => {
    const lonely = join(dir, "lonely");
    mkdirSync(lonely);
    writeFileSync(join(lonely, "~$x.xlsx"), "Sam");
    const result = runCli(["collate", lonely, "--out", join(dir, "none.xlsx")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Skipped 1 file: ~$x.xlsx (an Excel lock file)");
    expect(result.stderr).toContain("no files to collate");
  });
});
