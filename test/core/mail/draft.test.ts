/**
 * Email drafts parsed back with a real MIME parser (postal-mime): the headers are exactly the
 * expected set, the address and subject read back, the body and attachments decode to the bytes
 * given (an .xlsx attachment opens with exceljs), and hostile names and addresses add no header.
 */
import { Workbook } from "exceljs";
import PostalMime from "postal-mime";
import { base64Lines, buildDraft, headerText, plainAddress, safeFileName, TEXT_TYPE, XLSX_TYPE, type DraftInput } from "../../../src/core/mail/draft";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function parse(eml: string) {
  return PostalMime.parse(eml);
}

/** The header names of the message itself (not of its parts), lower-case, as a parser reads them. */
function headerNames(eml: string): string[] {
  const head = eml.slice(0, eml.indexOf("\r\n\r\n"));
  return head
    .split("\r\n")
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(":")).toLowerCase());
}

async function xlsxBytes(): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.addWorksheet("Feedback").getCell("A1").value = "Your figures";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const base: DraftInput = {
  to: { name: "Sam Jones", address: "sam.jones@example.org" },
  subject: "Alpha Homes (AL01): your return for Jun 2020 is accepted",
  body: "Status: accepted\nReason: in use\n\nThe next return is due by 15 August 2020.\n",
};

describe("buildDraft", () => {
  it("makes an unsent RFC 5322 draft that parses back: address, subject, body, headers", async () => {
    const d = buildDraft(base);
    expect(d.to).toBe("sam.jones@example.org");
    expect(d.note).toBeUndefined();
    // eslint-disable-next-line no-control-regex
    expect(d.eml).not.toMatch(/[^\x00-\x7f]/);
    expect(d.eml).not.toMatch(/[^\r]\n/);
    expect(headerNames(d.eml).sort()).toEqual(["content-transfer-encoding", "content-type", "mime-version", "subject", "to", "x-unsent"]);
    const mail = await parse(d.eml);
    expect(mail.to).toEqual([{ name: "Sam Jones", address: "sam.jones@example.org" }]);
    expect(mail.subject).toBe(base.subject);
    expect(mail.headers.find((h) => h.key === "x-unsent")?.value).toBe("1");
    expect(mail.from).toBeUndefined();
    expect(mail.date).toBeUndefined();
    expect(mail.messageId).toBeUndefined();
    expect(mail.text).toContain("The next return is due by 15 August 2020.");
    expect(mail.attachments).toEqual([]);
  });

  it("is the same, byte for byte, for the same inputs (no Date, Message-ID or random boundary)", async () => {
    const input = { ...base, attachments: [{ fileName: "a.receipt.txt", contentType: TEXT_TYPE, bytes: utf8("receipt") }] };
    expect(buildDraft(input).eml).toBe(buildDraft(input).eml);
    expect(buildDraft(input).eml).not.toBe(buildDraft({ ...input, body: "other" }).eml);
  });

  it("attaches the receipt and a feedback workbook: the bytes decode exactly and the .xlsx opens", async () => {
    const receipt = utf8("Impact Returns - receipt\nStatus: held\n£ and ✓ kept\n");
    const xlsx = await xlsxBytes();
    const d = buildDraft({
      ...base,
      attachments: [
        { fileName: "alpha.receipt.txt", contentType: TEXT_TYPE, bytes: receipt },
        { fileName: "AL01 feedback.xlsx", contentType: XLSX_TYPE, bytes: xlsx },
        { fileName: "alpha.receipt.txt", contentType: TEXT_TYPE, bytes: receipt },
      ],
    });
    const mail = await parse(d.eml);
    expect(mail.attachments.map((a) => a.filename)).toEqual(["alpha.receipt.txt", "AL01 feedback.xlsx", "alpha.receipt (2).txt"]);
    expect(mail.attachments.map((a) => a.mimeType)).toEqual(["text/plain", XLSX_TYPE, "text/plain"]);
    expect(new Uint8Array(mail.attachments[0]!.content as ArrayBuffer)).toEqual(receipt);
    const back = new Uint8Array(mail.attachments[1]!.content as ArrayBuffer);
    expect(back).toEqual(xlsx);
    const wb = new Workbook();
    await wb.xlsx.load(back.buffer as ArrayBuffer);
    expect(wb.getWorksheet("Feedback")?.getCell("A1").value).toBe("Your figures");
    expect(mail.text).toContain("Status: accepted");
  });

  it("keeps non-ASCII names, subjects and bodies (encoded, not raw)", async () => {
    const d = buildDraft({ to: { name: "Zoë Ōkubo-Smith", address: "zoe@example.org" }, subject: "Cymdeithas Tai Ŵyl: £ return for Jun 2020", body: "Diolch — £1,200.50 ✓" });
    const mail = await parse(d.eml);
    expect(mail.to?.[0]).toEqual({ name: "Zoë Ōkubo-Smith", address: "zoe@example.org" });
    expect(mail.subject).toBe("Cymdeithas Tai Ŵyl: £ return for Jun 2020");
    expect(mail.text).toContain("Diolch — £1,200.50 ✓");
  });

  describe("hostile text adds no header and never breaks the message", () => {
    const EXPECTED_WITH_TO = ["content-type", "mime-version", "subject", "to", "x-unsent"];
    const EXPECTED_WITHOUT_TO = ["content-type", "mime-version", "subject", "x-unsent"];
    const attachments = [{ fileName: "r.receipt.txt", contentType: TEXT_TYPE, bytes: utf8("receipt") }];

    const hostileAddresses = [
      "a@b.example\r\nBcc: evil@x.example",
      "a@b.example\nBcc: evil@x.example",
      "a@b.example\rBcc: evil@x.example",
      "Evil <evil@x.example>",
      "a@b.example, evil@x.example",
      "a@b.example; evil@x.example",
      '"a@b.example" <evil@x.example>',
      "=?utf-8?b?ZXZpbEB4LmV4YW1wbGU=?=",
      "a\u0000@b.example",
      `${"a".repeat(10_000)}@b.example`,
      "a@b.example\u2028Bcc: evil@x.example",
      "sam@exämple.org",
      "not an address",
    ];
    it.each(hostileAddresses.map((a) => [JSON.stringify(a.slice(0, 60)), a]))("address %s: no To, a note, no extra header", async (_label, address) => {
      const d = buildDraft({ ...base, to: { name: "Sam", address }, attachments });
      expect(d.to).toBeUndefined();
      expect(d.note).toMatch(/not one plain address|no email address/);
      expect(headerNames(d.eml).sort()).toEqual(EXPECTED_WITHOUT_TO);
      const mail = await parse(d.eml);
      expect(mail.to).toBeUndefined();
      expect(mail.bcc).toBeUndefined();
      expect(mail.cc).toBeUndefined();
      expect(mail.headers.map((h) => h.key).sort()).toEqual(EXPECTED_WITHOUT_TO);
      expect(mail.attachments).toHaveLength(1);
      expect(d.eml).not.toContain("evil@x.example\r\n");
    });

    const hostileNames = [
      "Alpha\r\nBcc: evil@x.example",
      "Alpha\nBcc: evil@x.example\n\nInjected body",
      "=?utf-8?b?QmNjOiBldmlsQHguZXhhbXBsZQ==?=",
      "=?utf-8?q?Bcc=3A_evil=40x.example?=\r\n",
      "A".repeat(10_000),
      "Ctrl\u0000\u0007\u001b[31m\u007f\u0085name",
      "\u202eemoH ahplA",
      '"Alpha" <evil@x.example>, Bcc: x',
    ];
    it.each(hostileNames.map((n) => [JSON.stringify(n.slice(0, 60)), n]))("name %s: in the subject and To name, encoded, no extra header", async (_label, name) => {
      const d = buildDraft({ ...base, to: { name, address: "sam@example.org" }, subject: `${name}: your return for Jun 2020 is accepted`, attachments });
      expect(d.to).toBe("sam@example.org");
      expect(headerNames(d.eml).sort()).toEqual(EXPECTED_WITH_TO);
      for (const line of d.eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
      const mail = await parse(d.eml);
      expect(mail.headers.map((h) => h.key).sort()).toEqual(EXPECTED_WITH_TO);
      expect(mail.to).toEqual([{ name: expect.any(String), address: "sam@example.org" }]);
      expect(mail.bcc).toBeUndefined();
      // eslint-disable-next-line no-control-regex
      expect(mail.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f]/);
      expect(mail.subject!.length).toBeLessThanOrEqual(200);
      // A name that looks like an encoded word arrives as that text: it is never decoded a second time.
      if (name.startsWith("=?utf-8?b?QmNj")) expect(mail.subject).toContain("=?utf-8?b?QmNjOiBldmlsQHguZXhhbXBsZQ==?=");
      expect(mail.text).toContain("Status: accepted");
      expect(mail.attachments).toHaveLength(1);
    });
  });
});

describe("the helpers", () => {
  it("plainAddress takes one plain address only", () => {
    expect(plainAddress("  sam.jones+returns@example.org ")).toBe("sam.jones+returns@example.org");
    expect(plainAddress("o'brien@council.gov.uk")).toBe("o'brien@council.gov.uk");
    for (const bad of ["", "@example.org", "sam@", "sam@localhost", "sam..jones@example.org", ".sam@example.org", "sam@@example.org", "sam@example..org", "sam@-example.org", undefined]) {
      expect(plainAddress(bad)).toBeUndefined();
    }
  });

  it("headerText removes line breaks and control characters and bounds the length", () => {
    expect(headerText("a\r\nb\tc\u0000d", 100)).toBe("a b c d");
    expect(headerText("x".repeat(500), 50)).toHaveLength(50);
    expect(headerText("x".repeat(500), 50).endsWith("...")).toBe(true);
  });

  it("safeFileName keeps safe ASCII only", () => {
    expect(safeFileName("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(safeFileName("..\\..\\boot.ini")).toBe("_.._boot.ini");
    expect(safeFileName("Zoë's \"return\"\r\n.xlsx")).toBe("Zoe_s _return_.xlsx");
    expect(safeFileName("...")).toBe("file");
    expect(safeFileName("x".repeat(500) + ".txt").length).toBeLessThanOrEqual(100);
  });

  it("base64Lines wraps at 76 characters", () => {
    const text = base64Lines(new Uint8Array(200).map((_, i) => i));
    expect(text.split("\r\n").every((l) => l.length <= 76)).toBe(true);
    expect(Buffer.from(text.replace(/\r\n/g, ""), "base64")).toEqual(Buffer.from(new Uint8Array(200).map((_, i) => i)));
    expect(base64Lines(utf8("ab"))).toBe("YWI=");
    expect(base64Lines(utf8("a"))).toBe("YQ==");
  });
});
