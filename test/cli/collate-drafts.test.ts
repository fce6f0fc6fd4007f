/**
 * `impact-returns collate --drafts DIR` on real returns (made by the template command and filled):
 * every draft is parsed back with a MIME parser (postal-mime): its headers are exactly the expected
 * set, the address is the return's Contact email (else the register's), the subject names the
 * organisation, month and status, the body says what to do and by when, and the receipt attached is
 * byte for byte the one --receipts writes. Hostile names and addresses add no header.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import PostalMime from "postal-mime";
import type { MeasureRow } from "../../src/core/setup/measure-rows";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { makeReturn, makeTemplate, V1, type ReturnSpec } from "../support/returns";

jest.setTimeout(240_000);

const ENCODED_LOOKALIKE = "=?utf-8?b?QmNjOiBldmlsQHguZXhhbXBsZQ==?=";
const HOSTILE_NAME = `Beta\r\nBcc: evil@x.example ${ENCODED_LOOKALIKE}\u0007`;
const HOSTILE_EMAIL = "beta@example.org\r\nBcc: evil@x.example";
const LONG_NAME = `Gamma ${"G".repeat(10_000)}`;

const rule = (row: MeasureRow, m: number) => (V1.measures.findIndex((x) => x.code === row.code) + 1) * 10 + m;
const alpha: ReturnSpec = { organisation: "Alpha Homes", code: "AL01", homes: 1000, months: 3, value: rule, extra: { Return: { B7: "alpha.officer@example.org" } } };
const beta: ReturnSpec = { organisation: HOSTILE_NAME, code: "BE02", homes: 3000, months: 2, value: rule, extra: { Return: { B7: HOSTILE_EMAIL } } };
const gamma: ReturnSpec = { organisation: LONG_NAME, code: "GA03", homes: 6000, months: 3, value: rule, extra: { Return: { B7: null } } };

let dir: string;
let cleanUp: () => void;
let returns: string;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("drafts"));
  const template = join(dir, "template.xlsx");
  makeTemplate(template, 1);
  returns = join(dir, "returns");
  mkdirSync(returns);
  await makeReturn(template, join(returns, "alpha.xlsx"), alpha);
  await makeReturn(template, join(returns, "beta.xlsx"), beta);
  await makeReturn(template, join(returns, "gamma.xlsx"), gamma);
  const notes = new Workbook();
  notes.addWorksheet("Notes").getCell("A1").value = "Minutes of the meeting";
  await notes.xlsx.writeFile(join(returns, "notes.xlsx"));
  // The register: names left blank for BE02 and GA03 (so the returns' names are used), a Contact email for BE02 and DE04.
  writeFileSync(
    join(dir, "register.csv"),
    "Organisation code,Organisation,Homes managed,Contact email\nAL01,Alpha Homes,1200,register.alpha@example.org\nBE02,,3000,beta.register@example.org\nGA03,,6000,\nDE04,Delta Housing,500,delta@example.org\n",
  );
});

afterAll(() => {
  if (!process.env.KEEP_TEST_FILES) cleanUp?.();
});

function collateRun(out: string, extra: string[]) {
  return runCli(["collate", returns, "--out", join(dir, out), "--register", join(dir, "register.csv"), "--as-of", "2020-08-20", "--force", ...extra]);
}

interface DraftsJson {
  dir: string;
  files: { file: string; organisationCode: string; kind: string; status: string | null; to: string | null; note: string | null }[];
  withoutOrganisation: string[];
}

const EXPECTED_HEADERS = ["content-type", "mime-version", "subject", "to", "x-unsent"];

describe("impact-returns collate --drafts", () => {
  let drafts: DraftsJson;
  let draftDir: string;
  let report: string;
  const parsed = new Map<string, Awaited<ReturnType<typeof PostalMime.parse>>>();
  const raw = new Map<string, string>();

  beforeAll(async () => {
    draftDir = join(dir, "drafts", "new folder");
    const result = collateRun("sector.xlsx", ["--json", "--receipts", join(dir, "receipts"), "--drafts", draftDir]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    drafts = (JSON.parse(result.stdout) as { drafts: DraftsJson }).drafts;
    for (const name of readdirSync(draftDir)) {
      const text = readFileSync(join(draftDir, name), "latin1");
      raw.set(name, text);
      parsed.set(name, await PostalMime.parse(text));
    }
    const again = collateRun("sector-2.xlsx", ["--drafts", join(dir, "drafts-2")]);
    expect(again.status).toBe(0);
    report = again.stdout;
  });

  const find = (code: string) => {
    const name = [...parsed.keys()].find((n) => n.startsWith(`${code} `));
    if (!name) throw new Error(`no draft for ${code}: ${[...parsed.keys()].join(", ")}`);
    return { name, mail: parsed.get(name)!, eml: raw.get(name)! };
  };

  it("writes one draft per organisation, named '<code> <status or chase>.eml', and lists them in the JSON", () => {
    expect([...parsed.keys()].sort()).toEqual(["AL01 accepted.eml", "BE02 held.eml", "DE04 chase.eml", expect.stringMatching(/^GA03 [a-z]+\.eml$/)].sort());
    expect(drafts.files.map((f) => [f.organisationCode, f.kind, f.to])).toEqual([
      ["AL01", "outcome", "alpha.officer@example.org"],
      ["BE02", "outcome", "beta.register@example.org"],
      ["DE04", "chase", "delta@example.org"],
      ["GA03", "outcome", null],
    ]);
    expect(drafts.files.find((f) => f.organisationCode === "GA03")?.note).toBe("no email address is known");
    expect(drafts.withoutOrganisation).toEqual([join(returns, "notes.xlsx")]);
  });

  it("marks every draft unsent and gives it exactly the expected headers (no From, Date, Message-ID, Bcc)", () => {
    for (const [name, mail] of parsed) {
      // GA03 has no address; DE04's draft has no attachment, so it is one text part (its encoding a header of the message).
      const expected = name.startsWith("GA03") ? EXPECTED_HEADERS.filter((h) => h !== "to") : name.startsWith("DE04") ? [...EXPECTED_HEADERS, "content-transfer-encoding"].sort() : EXPECTED_HEADERS;
      expect(mail.headers.map((h) => h.key).sort()).toEqual(expected);
      expect(mail.headers.find((h) => h.key === "x-unsent")?.value).toBe("1");
      expect(mail.bcc).toBeUndefined();
      expect(raw.get(name)).not.toMatch(/[^\r]\n/);
    }
  });

  it("writes the same drafts, byte for byte, on another run", () => {
    for (const [name, text] of raw) expect(readFileSync(join(dir, "drafts-2", name), "latin1")).toBe(text);
  });

  it("an accepted return: To the return's Contact email, the subject names organisation, month and status, the body what next and by when", () => {
    const { mail } = find("AL01");
    expect(mail.to).toEqual([{ name: "Sam Jones", address: "alpha.officer@example.org" }]);
    expect(mail.subject).toBe("Alpha Homes (AL01) - your return for Jun 2020: accepted");
    expect(mail.text).toContain("Dear Sam Jones,");
    expect(mail.text).toContain("Outcome:  Accepted");
    expect(mail.text).toMatch(/Reason: {3}in use \(not signed off, 3 months reported\)/);
    expect(mail.text).toContain("Check:    0 errors, 0 warnings not explained, 0 warnings explained");
    expect(mail.text).toContain("  Jul 2020 not reported (due by 15/08/2020)");
    expect(mail.text).toContain("Your next return is for Aug 2020, due by 15 September 2020.");
  });

  it("attaches the receipt, byte for byte the one --receipts writes, and an accepted return's feedback workbook, which opens as .xlsx", async () => {
    let books = 0;
    for (const [code, file] of [["AL01", "alpha"], ["BE02", "beta"], ["GA03", "gamma"]] as const) {
      const { mail, name } = find(code);
      const accepted = name === `${code} accepted.eml`;
      const expected = [[`${file}.receipt.txt`, "text/plain"], ...(accepted ? [[`${code} feedback.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]] : [])];
      expect(mail.attachments.map((a) => [a.filename, a.mimeType])).toEqual(expected);
      const bytes = Buffer.from(new Uint8Array(mail.attachments[0]!.content as ArrayBuffer));
      expect(bytes.equals(readFileSync(join(dir, "receipts", `${file}.receipt.txt`)))).toBe(true);
      if (accepted) {
        const workbook = new Workbook();
        await workbook.xlsx.load(Buffer.from(new Uint8Array(mail.attachments[1]!.content as ArrayBuffer)) as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
        expect(workbook.worksheets.length).toBeGreaterThan(0);
        books++;
      }
    }
    expect(books).toBeGreaterThan(0);
  });

  it("a held return with a hostile name and address: the register's address, no header added, the name as text", () => {
    const { mail, eml } = find("BE02");
    // The address is the register's (the return's is not one plain address), so the draft is to the organisation, not the return's contact.
    expect(mail.to).toEqual([{ name: `Beta Bcc: evil@x.example ${ENCODED_LOOKALIKE}`, address: "beta.register@example.org" }]);
    expect(mail.text).toMatch(/^Hello,/);
    expect(mail.text).toContain(`Thank you for the return from Beta Bcc: evil@x.example ${ENCODED_LOOKALIKE} (BE02).`);
    expect(eml.slice(0, eml.indexOf("\r\n\r\n"))).not.toMatch(/evil@x\.example/);
    expect(mail.subject).toBe(`Beta Bcc: evil@x.example ${ENCODED_LOOKALIKE} (BE02) - your return for May 2020: held`);
    expect(mail.text).toContain("Outcome:  Held: has check errors");
    expect(mail.text).toContain("Please correct the errors");
    expect(mail.text).toContain("by 15 September 2020 at the latest");
  });

  it("an organisation with no address: the draft has no To, and the report names it on one line", () => {
    const { mail, eml } = find("GA03");
    expect(mail.to).toBeUndefined();
    expect(mail.subject!.length).toBeLessThanOrEqual(200);
    expect(eml.split("\r\n").every((line) => line.length <= 998)).toBe(true);
    const lines = report.split("\n").filter((l) => l.includes("No email address"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}No email address \(To left empty\): GA03 \(Gamma G+\.\.\. \(10,006 characters in all\)\)$/);
    expect(report).toContain("Drafts:        4 email drafts in");
    expect(report).toContain("No draft for 1 file with no organisation code");
  });

  it("a chase draft for an organisation on the register that sent nothing, listing the months due", () => {
    const { mail } = find("DE04");
    expect(mail.to).toEqual([{ name: "Delta Housing", address: "delta@example.org" }]);
    expect(mail.subject).toBe("Delta Housing (DE04) - your returns for Apr 2020 to Jul 2020: reminder");
    for (const month of ["Apr", "May", "Jun", "Jul"]) expect(mail.text).toContain(`  no return received (${month} 2020 due by`);
    expect(mail.text).toContain("Your next return is for Aug 2020, due by 15 September 2020.");
    expect(mail.attachments).toEqual([]);
  });

  it("refuses a --drafts that is a file, before writing anything", () => {
    const file = join(dir, "not-a-folder.eml");
    writeFileSync(file, "x");
    const result = collateRun("refused.xlsx", ["--drafts", file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is a file, not a folder");
    expect(readdirSync(dir)).not.toContain("refused.xlsx");
  });
});
