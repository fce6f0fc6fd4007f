/**
 * The file a return is sent as and the "Email the centre" link: named for the organisation and
 * year; the subject and body percent-encoded; hostile organisation names (line breaks, quotes, &,
 * #, ?, control characters) can never add a header, a recipient or a parameter; the link is bounded.
 */
import { centreBody, centreMailto, centreSubject, MAX_MAILTO, returnFileName } from "../../../src/core/mail/mailto";

const april2026 = { year: 2026, month: 4 };
const october = { year: 2026, month: 10 };
const riverside = { organisation: "Riverside Homes", organisationCode: "RH01", yearStart: april2026 };

/** The parts of a mailto: URL as a mail program reads them (RFC 6068). */
function parse(url: string): { to: string; params: Map<string, string> } {
  const [to, query = ""] = url.slice("mailto:".length).split("?");
  return { to: decodeURIComponent(to!), params: new Map(query.split("&").map((p) => p.split("=").map(decodeURIComponent) as [string, string])) };
}

describe("the return's file name", () => {
  it("is named for the organisation and year", () => {
    expect(returnFileName(riverside)).toBe("RH01 impact return 2026-27.xlsx");
    expect(returnFileName({ organisation: "Riverside Homes", yearStart: april2026 })).toBe("Riverside Homes impact return 2026-27.xlsx");
    expect(returnFileName({ yearStart: april2026 })).toBe("impact return 2026-27.xlsx");
  });

  it("keeps characters Windows refuses, line breaks and control characters out, and is bounded", () => {
    expect(returnFileName({ organisationCode: 'RH/01:\\*?"<>|', yearStart: april2026 })).toBe("RH-01- impact return 2026-27.xlsx");
    expect(returnFileName({ organisationCode: "RH\r\n01\u0007", yearStart: april2026 })).toBe("RH 01 impact return 2026-27.xlsx");
    expect(returnFileName({ organisationCode: "..\\..\\x", yearStart: april2026 })).toBe("x impact return 2026-27.xlsx");
    expect(returnFileName({ organisationCode: "X".repeat(500), yearStart: april2026 }).length).toBeLessThan(70);
  });
});

describe("the Email the centre link", () => {
  it("is addressed to the centre with the subject and body filled in", () => {
    const url = centreMailto({ ...riverside, to: "returns@centre.example", latest: october })!;
    const { to, params } = parse(url);
    expect(to).toBe("returns@centre.example");
    expect([...params.keys()]).toEqual(["subject", "body"]);
    expect(params.get("subject")).toBe("RH01 impact return 2026-27: figures to October 2026");
    expect(params.get("body")).toContain("Please find attached the impact return for Riverside Homes for 2026-27, with figures to October 2026: RH01 impact return 2026-27.xlsx.");
    expect(params.get("body")).toContain("(Before sending: attach the saved workbook, RH01 impact return 2026-27.xlsx.)");
    // Spaces as %20, line breaks as %0D%0A (RFC 6068), never a raw space or "+".
    expect(url).toContain("subject=RH01%20impact%20return%202026-27%3A%20figures%20to%20October%202026&body=Hello%2C%0D%0A%0D%0A");
    expect(url).not.toMatch(/[\s+]/);
  });

  it("a hostile organisation name cannot add a header, a recipient or a parameter", () => {
    const hostile = { organisation: 'Evil & Co\r\nBcc: everyone@example.org "quoted" #frag ?cc=x\u0000\u001b[2J', organisationCode: "EV\r\nCc: a@b.example&x=1#", yearStart: april2026 };
    const url = centreMailto({ ...hostile, to: "returns@centre.example", latest: october })!;
    expect(url).not.toMatch(/[\r\n\s"#]/);
    expect(url.split("?")).toHaveLength(2);
    expect(url.split("&")).toHaveLength(2);
    const { to, params } = parse(url);
    expect(to).toBe("returns@centre.example");
    expect([...params.keys()]).toEqual(["subject", "body"]);
    expect(params.get("subject")).toBe("EV Cc- a@b.example&x=1# impact return 2026-27: figures to October 2026");
    expect(params.get("subject")).not.toMatch(/[\r\n]/);
    const body = params.get("body")!;
    // The only line breaks are the body's own; the name is on one line without control characters.
    expect(body.split("\r\n")).toHaveLength(centreBody({ ...riverside, to: "x@y.example" }).split("\r\n").length);
    // eslint-disable-next-line no-control-regex
    expect(body).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f]/);
    expect(body).toContain('Evil & Co Bcc: everyone@example.org "quoted" #frag ?cc=x [2J');
  });

  it("is refused for an address that is not one address", () => {
    for (const to of ["", "returns", "a@b.example, c@d.example", "a@b.example\r\nBcc: c@d.example", "a@b.example?cc=c@d.example", `${"a".repeat(250)}@b.example`]) {
      expect(centreMailto({ ...riverside, to })).toBeUndefined();
    }
  });

  it("is bounded: long names are cut short, and a body that would not fit is left out", () => {
    const long = { organisation: "Ü".repeat(5000), organisationCode: "Ä".repeat(5000), yearStart: april2026 };
    expect(centreSubject({ ...long, to: "r@c.example", latest: october }).length).toBeLessThan(120);
    const url = centreMailto({ ...long, to: "r@c.example", latest: october })!;
    expect(url.length).toBeLessThanOrEqual(MAX_MAILTO);
    expect(parse(url).params.get("subject")).toMatch(/^Ä+… impact return 2026-27: figures to October 2026$/);
  });
});
