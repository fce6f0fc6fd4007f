/**
 * `npm run release` for a test host, built once (one production build): the manifest's every URL
 * is under the host and passes the offline manifest checks (test/manifest/check-manifest.ts), which
 * refuse a placeholder host such as example.org in a release; the zip holds every file the manifest
 * and the task pane page name; the support page says what the add-in does, reads and writes, that
 * it sends nothing, and where to report a problem. Bad addresses are refused before anything is built.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { unzipSync } from "fflate";
import { TOOL_VERSION } from "../../src/core/version";
import { checkManifest, defaultExpectations, manifestUrls, parseXml } from "../manifest/check-manifest";
import { ROOT, tempDir } from "../support/cli";

const SLOW = 600_000;
const BASE = "https://addins.northfield-housing.org.uk/impact-returns/";
const CONTACT = "servicedesk@northfield-housing.org.uk";
const RELEASE = join(ROOT, "scripts", "release.mjs");

function release(args: string[], out: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const env = { ...process.env };
  delete env.IMPACT_RETURNS_URL;
  delete env.IMPACT_RETURNS_CONTACT;
  Object.assign(env, extraEnv);
  const result = spawnSync(process.execPath, [RELEASE, ...args, "--out", out], { cwd: ROOT, env, encoding: "utf8", timeout: SLOW });
  if (result.error) throw result.error;
  return result;
}

/** Every file under `root`, as "folder/name" paths relative to it. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join("/")];
  });
}

let dir: string;
let cleanUp: () => void;
let out: string;
let site: string;
let manifest: string;

beforeAll(() => {
  ({ dir, cleanUp } = tempDir("release"));
  out = join(dir, "release");
  // The address as someone types it, without the final slash.
  const built = release(["--url", BASE.replace(/\/$/, ""), "--contact", CONTACT], out);
  if (built.status !== 0) throw new Error(`release failed (${String(built.status)}):\n${built.stdout}\n${built.stderr}`);
  site = join(out, "site");
  manifest = readFileSync(join(site, "manifest.xml"), "utf8");
}, SLOW);
afterAll(() => cleanUp?.());

describe("a release for a test host", () => {
  it("writes the site folder, its zip and the command line's tarball, named for the version", () => {
    expect(readdirSync(out).sort()).toEqual([`impact-returns-${TOOL_VERSION}.tgz`, `impact-returns-site-${TOOL_VERSION}.zip`, "site"]);
  });

  it("has a manifest that passes every offline check for a release at that URL", () => {
    expect(checkManifest(manifest, join(site, "assets"), { ...defaultExpectations(), releaseBase: BASE })).toEqual([]);
  });

  it("points every manifest URL under the host, the AppDomain at its origin", () => {
    const parsed = parseXml(manifest);
    if ("error" in parsed) throw new Error(parsed.error);
    const urls = manifestUrls(parsed.doc).map((u) => u.url);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url === "https://addins.northfield-housing.org.uk" || url.startsWith(BASE)).toBe(true);
    expect(manifest).toContain("<AppDomain>https://addins.northfield-housing.org.uk</AppDomain>");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(manifest).not.toMatch(/example\.org|localhost/);
  });

  it("zips exactly the site folder, holding every file the manifest and the task pane page name", () => {
    const zip = unzipSync(readFileSync(join(out, `impact-returns-site-${TOOL_VERSION}.zip`)));
    expect(Object.keys(zip).sort()).toEqual(filesUnder(site).sort());
    for (const [name, bytes] of Object.entries(zip)) expect(Buffer.from(bytes).equals(readFileSync(join(site, name)))).toBe(true);
    const parsed = parseXml(manifest);
    if ("error" in parsed) throw new Error(parsed.error);
    const named = manifestUrls(parsed.doc)
      .map((u) => u.url)
      .filter((u) => u.startsWith(BASE))
      .map((u) => u.slice(BASE.length));
    expect(named).toEqual(expect.arrayContaining(["taskpane.html", "support.html", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]));
    const page = new TextDecoder().decode(zip["taskpane.html"]);
    const scripts = [...page.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]!);
    const ours = scripts.filter((s) => !/^https:/.test(s));
    expect(ours.length).toBeGreaterThan(0);
    for (const file of [...named, ...ours, "preview.html", "manifest.xml"]) expect(Object.keys(zip)).toContain(file);
  });

  it("loads Office.js from Microsoft's CDN, ships no local copy and no source maps", () => {
    const page = readFileSync(join(site, "taskpane.html"), "utf8");
    expect(page).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(existsSync(join(site, "office-js"))).toBe(false);
    expect(filesUnder(site).filter((f) => f.endsWith(".map"))).toEqual([]);
  });

  it("has a support page saying what the add-in does, reads and writes, that it sends nothing, and where to report a problem", () => {
    const text = readFileSync(join(site, "support.html"), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain(`This is version ${TOOL_VERSION}.`);
    for (const heading of ["What it does", "What it reads and writes", "Your data", "Reporting a problem"]) expect(text).toContain(heading);
    expect(text).toContain("sends nothing anywhere");
    expect(text).toContain(`Report a problem to: ${CONTACT}`);
  });
});

describe("the manifest checks refuse what is not a release for the host", () => {
  const prodText = readFileSync(join(ROOT, "manifest.prod.xml"), "utf8");

  it("refuses the placeholder example.org", () => {
    const faults = checkManifest(prodText, join(ROOT, "assets"), { ...defaultExpectations(), releaseBase: "https://impact-returns.example.org/" });
    expect(faults.filter((f) => /placeholder or local host/.test(f)).length).toBeGreaterThan(0);
  });

  it("refuses a release manifest with one URL left on example.org", () => {
    const broken = manifest.replace(`${BASE}support.html`, "https://impact-returns.example.org/support.html");
    expect(checkManifest(broken, join(site, "assets"), { ...defaultExpectations(), releaseBase: BASE })).toEqual(
      expect.arrayContaining([expect.stringMatching(/example\.org\/support\.html.*placeholder or local host/)]),
    );
  });

  it("refuses a URL outside the release's folder", () => {
    const broken = manifest.replace(`${BASE}assets/icon-80.png`, "https://addins.northfield-housing.org.uk/assets/icon-80.png");
    const faults = checkManifest(broken, join(site, "assets"), { ...defaultExpectations(), releaseBase: BASE });
    expect(faults).toEqual(expect.arrayContaining([expect.stringMatching(/is not under the release URL/), expect.stringMatching(/not served from \/impact-returns\/assets\//)]));
  });
});

describe("npm run release refuses a bad address before building", () => {
  it.each([
    ["the placeholder host", ["--url", "https://impact-returns.example.org/"], /placeholder or local host/],
    ["localhost", ["--url", "https://localhost:3000/"], /placeholder or local host/],
    ["http", ["--url", "http://addins.northfield-housing.org.uk/"], /is not https/],
    ["not an address", ["--url", "addins.northfield-housing.org.uk"], /is not a web address/],
    ["no address", [], /say where the add-in will be served/],
  ])("%s: exit 2, one line, nothing written", (_name, args, message) => {
    const target = join(dir, "refused");
    const result = release(args, target);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(target)).toBe(false);
  });

  it("takes the address from IMPACT_RETURNS_URL too, and refuses a placeholder there", () => {
    const target = join(dir, "refused-env");
    const result = release([], target, { IMPACT_RETURNS_URL: "https://impact-returns.example.org/" });
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 2,
      stderr: "release: impact-returns.example.org is a placeholder or local host, not where officers' Excel can load the add-in from",
    });
    expect(existsSync(target)).toBe(false);
  });
});
