/**
 * collationDrafts on a collation made by the engine: one draft per organisation with a file, chase
 * drafts, where the address comes from, the feedback workbook attached (it opens as .xlsx), the
 * previous ledger's files left alone, and safe unique file names. Drafts are parsed back with
 * postal-mime.
 */
import { Workbook } from "exceljs";
import PostalMime from "postal-mime";
import { collate, collationDrafts, parseRegisterRows, type CollateOptions, type Figure, type RegisterEntry, type Submission } from "../../../src/core/collate";
import { XLSX_TYPE } from "../../../src/core/mail/draft";
import { submissionOf } from "../../support/submissions";

const sub = submissionOf;
const calls = (month: string, value: number): Figure => ({ code: "WELFARE_CALLS", breakdown: "", month, value });
const asOf = { year: 2020, month: 7, day: 20 };

async function feedbackBook(): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.addWorksheet("Your figures").getCell("A1").value = "RH01 beside the sector";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("collationDrafts", () => {
  const register: RegisterEntry[] = [
    { organisationCode: "RH01", organisation: "Riverside Homes", contactEmail: "register@riverside.example" },
    { organisationCode: "NS02", organisation: "Northside", contactEmail: "returns@northside.example" },
    { organisationCode: "rh/01", organisation: "Slash Homes" },
  ];
  const options: CollateOptions = { asOf, register };

  it("writes one draft per organisation with a file, a chase draft for the rest, and attaches the feedback workbook", async () => {
    const old = sub("RH01", [calls("2020-04", 10)], { contactEmail: "old@riverside.example" });
    const newer = sub("RH01", [calls("2020-04", 10), calls("2020-05", 11)], { contactEmail: "not an address", contactName: "Priya Shah" });
    const slash = sub("rh/01", [calls("2020-04", 3)], { errors: 2 });
    const junk: Submission = { file: "notes.xlsx", sha256: "f".repeat(64), modifiedAt: 0, problem: "not an Impact Returns workbook", lines: [], figures: [], monthsReported: 0, errors: 0, warnings: 0 };
    const c = collate([old, newer, slash, junk], options);
    const book = await feedbackBook();
    const result = collationDrafts(c, { asOf, register, receipt: (f) => `receipt of ${f.file}`, feedback: new Map([["rh01", { fileName: "RH01 feedback.xlsx", bytes: book }]]) });
    expect(result.withoutOrganisation).toEqual(["notes.xlsx"]);
    expect(result.drafts.map((d) => [d.fileName, d.kind, d.status ?? null, d.to ?? null, d.note ?? null])).toEqual([
      ["NS02 chase.eml", "chase", null, "returns@northside.example", null],
      // "rh/01" is another organisation from RH01; its file name is made safe; no address anywhere.
      ["rh_01 held.eml", "outcome", "held", null, "no email address is known"],
      // The newest return's address is not usable: the older return's is used before the register's.
      ["RH01 accepted.eml", "outcome", "accepted", "old@riverside.example", null],
    ]);

    const rh = await PostalMime.parse(result.drafts[2]!.eml);
    expect(rh.to).toEqual([{ name: "Riverside Homes", address: "old@riverside.example" }]);
    expect(rh.subject).toBe("Riverside Homes (RH01) - your return for May 2020: accepted");
    expect(rh.text).toContain("Other files received from you in this collation:");
    expect(rh.text).toContain("RH01-1.xlsx: Replaced by a newer return - replaced by a newer submission");
    expect(rh.text).toContain("Jun 2020 not reported (due by 15/07/2020)");
    expect(rh.text).toContain("Your next return is for Jul 2020, due by 15 August 2020.");
    expect(rh.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      [`${old.file.split("/").pop()!.replace(".xlsx", "")}.receipt.txt`, "text/plain"],
      [`${newer.file.split("/").pop()!.replace(".xlsx", "")}.receipt.txt`, "text/plain"],
      ["RH01 feedback.xlsx", XLSX_TYPE],
    ]);
    expect(new TextDecoder().decode(rh.attachments[1]!.content as ArrayBuffer)).toBe(`receipt of ${newer.file}`);
    const back = new Uint8Array(rh.attachments[2]!.content as ArrayBuffer);
    expect(back).toEqual(book);
    const wb = new Workbook();
    await wb.xlsx.load(back.buffer as ArrayBuffer);
    expect(wb.getWorksheet("Your figures")?.getCell("A1").value).toBe("RH01 beside the sector");

    const held = await PostalMime.parse(result.drafts[1]!.eml);
    expect(held.to).toBeUndefined();
    expect(held.text).toContain("Please correct the errors");
    const chase = await PostalMime.parse(result.drafts[0]!.eml);
    expect(chase.subject).toBe("Northside (NS02) - your returns for Apr 2020 to Jun 2020: reminder");
    expect(chase.attachments).toEqual([]);

    // The same collation, the same bytes.
    expect(collationDrafts(c, { asOf, register, receipt: (f) => `receipt of ${f.file}`, feedback: new Map([["rh01", { fileName: "RH01 feedback.xlsx", bytes: book }]]) }).drafts.map((d) => d.eml)).toEqual(result.drafts.map((d) => d.eml));
  });

  it("gives codes that read the same once made safe their own file names, and drafts none for an earlier collation's files", () => {
    const a = sub("A/1", [calls("2020-04", 1)]);
    const b = sub("A:1", [calls("2020-04", 2)]);
    const c = collate([a, b], { asOf, previous: { ledger: [{ file: "old/ZZ9.xlsx", sha256: "e".repeat(64), organisationCode: "ZZ9", reportingYearStart: "2020-04", monthsReported: 3, errors: 0, warnings: 0, status: "accepted", reason: "in use" }], sectorData: [] } });
    const result = collationDrafts(c, { asOf });
    const names = result.drafts.filter((d) => d.kind === "outcome").map((d) => d.fileName);
    expect(names).toEqual(["A_1 accepted.eml", "A_1 accepted (2).eml"]);
    expect(result.drafts.some((d) => d.organisationCode === "ZZ9" && d.kind === "outcome")).toBe(false);
  });
});

describe("parseRegisterRows", () => {
  it("reads the optional Contact email column, and registers without it as before", () => {
    const withEmail = parseRegisterRows([
      ["Organisation code", "Organisation", "Homes managed", "Contact email"],
      ["RH01", "Riverside", 5200, " returns@riverside.example "],
      ["NS02", "Northside", 800, null],
    ]);
    expect(withEmail.entries).toEqual([
      { organisationCode: "RH01", organisation: "Riverside", homesManaged: 5200, contactEmail: "returns@riverside.example" },
      { organisationCode: "NS02", organisation: "Northside", homesManaged: 800 },
    ]);
    expect(withEmail.problems).toEqual([]);
    const without = parseRegisterRows([["Organisation code", "Organisation", "Homes managed"], ["RH01", "Riverside", 5200]]);
    expect(without.entries).toEqual([{ organisationCode: "RH01", organisation: "Riverside", homesManaged: 5200 }]);
  });
});
