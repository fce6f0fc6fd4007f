/**
 * The add-in manifests, checked offline: well-formed, a GUID id, the package version, https URLs,
 * icons present at their declared sizes, the ExcelApi set the code needs, and development and
 * production differing only in host. The same checks are run on broken copies to prove they fail.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MINIMUM_EXCEL_API } from "../../src/excel/host";
import { checkManifest, compareManifestHosts, defaultExpectations, parseXml, pngSize } from "./check-manifest";

const ROOT = join(__dirname, "..", "..");
const ASSETS = join(ROOT, "assets");
const DEV = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const PROD = readFileSync(join(ROOT, "manifest.prod.xml"), "utf8");
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Replaces exactly one occurrence (so a broken variant is broken in the one way intended). */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from.source, "g")) ?? []).length;
  if (count < 1) throw new Error(`variant source not found: ${String(from)}`);
  return text.replace(from, to);
}

function faultsMatching(faults: string[], pattern: RegExp): string[] {
  return faults.filter((f) => pattern.test(f));
}

describe("manifest.xml (development)", () => {
  it("passes every check", () => {
    expect(checkManifest(DEV, ASSETS)).toEqual([]);
  });

  it("is well-formed XML with a GUID id", () => {
    const parsed = parseXml(DEV);
    expect("doc" in parsed).toBe(true);
    if (!("doc" in parsed)) return;
    const id = parsed.doc.getElementsByTagNameNS("*", "Id")[0]?.textContent ?? "";
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it("has package.json's version with a fourth part", () => {
    const version = /<Version>([^<]*)<\/Version>/.exec(DEV)?.[1] ?? "";
    expect(version.split(".")).toHaveLength(4);
    expect(version.split(".").slice(0, 3).join(".")).toBe(PACKAGE_VERSION);
  });

  it("declares ExcelApi at MINIMUM_EXCEL_API from src/excel/host.ts", () => {
    expect(defaultExpectations().minimumExcelApi).toBe(MINIMUM_EXCEL_API);
    expect(DEV).toContain(`<Set Name="ExcelApi" MinVersion="${MINIMUM_EXCEL_API}"/>`);
  });

  it("serves the task pane from the dev server on https://localhost:3000", () => {
    expect(DEV).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  });
});

describe("manifest.prod.xml (production)", () => {
  it("passes every check", () => {
    expect(checkManifest(PROD, ASSETS)).toEqual([]);
  });

  it("differs from the development manifest only in host", () => {
    expect(compareManifestHosts(DEV, PROD)).toEqual([]);
  });
});

describe("assets", () => {
  it.each([16, 32, 64, 80, 128])("icon-%i.png is a PNG of that size", (size) => {
    expect(pngSize(readFileSync(join(ASSETS, `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });
});

describe("the checks fail on a broken manifest", () => {
  const cases: [string, () => string, RegExp][] = [
    ["not well-formed", () => DEV.replace("</OfficeApp>", ""), /not well-formed/],
    ["an http URL", () => replaceOnce(DEV, 'SourceLocation DefaultValue="https://', 'SourceLocation DefaultValue="http://'), /is not https/],
    ["an http ribbon icon", () => replaceOnce(DEV, /"https:\/\/localhost:3000\/assets\/icon-80.png"/, '"http://localhost:3000/assets/icon-80.png"'), /icon-80.*is not https/],
    ["a relative URL", () => replaceOnce(DEV, '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '<SupportUrl DefaultValue="support.html"/>'), /SupportUrl/],
    ["an icon at the wrong size", () => replaceOnce(DEV, "/assets/icon-32.png\"/>\n  <HighRes", "/assets/icon-16.png\"/>\n  <HighRes"), /icon-16\.png is 16x16, declared 32x32/],
    ["a ribbon icon at the wrong size", () => replaceOnce(DEV, '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>'), /icon-64\.png is 64x64, declared 80x80/],
    ["a missing icon", () => replaceOnce(DEV, "/assets/icon-64.png", "/assets/icon-99.png"), /icon-99\.png is missing/],
    ["an icon outside assets", () => replaceOnce(DEV, "/assets/icon-64.png", "/images/icon-64.png"), /not served from \/assets\//],
    ["an empty id", () => DEV.replace(/<Id>[^<]*<\/Id>/, "<Id></Id>"), /Id "" is not a GUID/],
    ["a non-GUID id", () => DEV.replace(/<Id>[^<]*<\/Id>/, "<Id>impact-returns</Id>"), /is not a GUID/],
    ["a version that is not package.json's", () => DEV.replace(/<Version>[^<]*<\/Version>/, "<Version>9.9.9.0</Version>"), /does not match package\.json/],
    ["a three-part version", () => DEV.replace(/<Version>[^<]*<\/Version>/, `<Version>${PACKAGE_VERSION}</Version>`), /not four numbers/],
    ["a higher ExcelApi than the code needs", () => replaceOnce(DEV, `<Set Name="ExcelApi" MinVersion="${MINIMUM_EXCEL_API}"/>`, '<Set Name="ExcelApi" MinVersion="1.13"/>'), /ExcelApi MinVersion is 1\.13/],
    ["no ExcelApi set", () => replaceOnce(DEV, `<Set Name="ExcelApi" MinVersion="${MINIMUM_EXCEL_API}"/>`, ""), /declare the ExcelApi set once/],
    ["the wrong host application", () => replaceOnce(DEV, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), /Workbook/],
    ["a resid that names nothing", () => replaceOnce(DEV, '<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Typo"/>'), /names no resource/],
    ["a wrong ribbon label", () => replaceOnce(DEV, 'DefaultValue="Show Impact Returns"', 'DefaultValue="Open"'), /ribbon button label is "Open"/],
    ["read-only permissions", () => replaceOnce(DEV, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), /Permissions/],
    ["a wrong display name", () => replaceOnce(DEV, '<DisplayName DefaultValue="Impact Returns"/>', '<DisplayName DefaultValue="Impact"/>'), /DisplayName/],
  ];

  it.each(cases)("%s", (_name, make, pattern) => {
    const faults = checkManifest(make(), ASSETS);
    expect(faults.length).toBeGreaterThan(0);
    expect(faultsMatching(faults, pattern)).not.toEqual([]);
  });

  describe("with a broken assets folder", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "impact-returns-assets-"));
      for (const f of readdirSync(ASSETS)) copyFileSync(join(ASSETS, f), join(dir, f));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("fails when an icon file is deleted", () => {
      rmSync(join(dir, "icon-80.png"));
      expect(faultsMatching(checkManifest(DEV, dir), /icon-80\.png is missing/)).not.toEqual([]);
    });

    it("fails when an icon file has the wrong pixel size", () => {
      copyFileSync(join(ASSETS, "icon-16.png"), join(dir, "icon-32.png"));
      expect(faultsMatching(checkManifest(DEV, dir), /icon-32\.png is 16x16, declared 32x32/)).not.toEqual([]);
    });

    it("fails when an icon file is not a PNG", () => {
      writeFileSync(join(dir, "icon-64.png"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
      expect(faultsMatching(checkManifest(DEV, dir), /icon-64\.png is not a PNG/)).not.toEqual([]);
    });
  });

  describe("development versus production", () => {
    it("fails when production changes a path as well as the host", () => {
      const prod = replaceOnce(PROD, "https://impact-returns.example.org/taskpane.html\"/>\n  </DefaultSettings>", "https://impact-returns.example.org/app/taskpane.html\"/>\n  </DefaultSettings>");
      expect(faultsMatching(compareManifestHosts(DEV, prod), /differ/)).not.toEqual([]);
    });

    it("fails when production still points one URL at localhost", () => {
      const prod = replaceOnce(PROD, "https://impact-returns.example.org/assets/icon-16.png", "https://localhost:3000/assets/icon-16.png");
      expect(compareManifestHosts(DEV, prod)).toEqual(expect.arrayContaining([expect.stringMatching(/2 hosts/)]));
    });

    it("fails when production is the development manifest", () => {
      expect(faultsMatching(compareManifestHosts(DEV, DEV), /development host/)).not.toEqual([]);
    });

    it("fails when production differs in something other than a URL", () => {
      const prod = replaceOnce(PROD, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>");
      expect(faultsMatching(compareManifestHosts(DEV, prod), /differ in more than the host/)).not.toEqual([]);
    });

    it("fails when production differs in the version", () => {
      const prod = PROD.replace(/<Version>[^<]*<\/Version>/, "<Version>0.1.0.1</Version>");
      expect(faultsMatching(compareManifestHosts(DEV, prod), /line \d+: "<Version>/)).not.toEqual([]);
    });
  });
});
