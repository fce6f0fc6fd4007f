/**
 * Offline checks of the add-in manifest (the Office validation service needs the internet, and
 * `office-addin-manifest info` accepts an empty Id). Each check returns plain-English faults; an
 * empty list means the manifest passed. Used by manifest.test.ts on the real manifests and on
 * deliberately broken copies, so the checks are proven to fail when they should.
 */
import { readFileSync, existsSync } from "node:fs";
import { basename, join } from "node:path";
import { JSDOM } from "jsdom";
import { MINIMUM_EXCEL_API } from "../../src/excel/host";

export interface ManifestExpectations {
  /** package.json's version, e.g. "0.1.0"; the manifest's Version must be this plus a 4th part. */
  packageVersion: string;
  /** The ExcelApi requirement set the code needs (src/excel/host.ts). */
  minimumExcelApi: string;
  displayName: string;
  providerName: string;
  /** The label of the ribbon button that opens the task pane. */
  ribbonButtonLabel: string;
  /**
   * A release's base URL (from `npm run release -- --url`): every URL must be under it, icons at
   * <base>assets/, the AppDomain its origin, and no placeholder or local host anywhere. Without it
   * (the repository's manifests) files are served from the host's root.
   */
  releaseBase?: string;
}

/** Hosts that are never where officers' Excel loads an add-in from: documentation placeholders and this machine. */
export const PLACEHOLDER_HOST = /(^|\.)(example\.(org|com|net)|localhost|invalid|test)$|^127\.|^\[::1\]$/i;

const ROOT = join(__dirname, "..", "..");

export function defaultExpectations(): ManifestExpectations {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  return {
    packageVersion: pkg.version,
    minimumExcelApi: MINIMUM_EXCEL_API,
    displayName: "Impact Returns",
    providerName: "Impact Returns",
    ribbonButtonLabel: "Show Impact Returns",
  };
}

const OFFICE_APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const PARSER_ERROR_NS = "http://www.mozilla.org/newlayout/xml/parsererror.xml";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;
/** Limits from the manifest reference: ShortStrings 125 characters, LongStrings 250. */
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

let parser: DOMParser | undefined;

/** Parses XML with a real (namespace-aware) parser; returns the fault text when not well-formed. */
export function parseXml(text: string): { doc: Document } | { error: string } {
  parser ??= new new JSDOM("").window.DOMParser();
  const doc = parser.parseFromString(text, "application/xml");
  const root = doc.documentElement;
  if (!root || root.namespaceURI === PARSER_ERROR_NS || doc.getElementsByTagNameNS(PARSER_ERROR_NS, "parsererror").length > 0) {
    const detail = root?.textContent?.trim() || "no document element";
    return { error: detail };
  }
  return { doc };
}

function all(node: Document | Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS("*", localName));
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(XSI_NS, "type");
}

/** Width and height from a PNG's IHDR chunk, or a fault. */
export function pngSize(bytes: Buffer): { width: number; height: number } | { error: string } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return { error: "is not a PNG file" };
  if (bytes.toString("ascii", 12, 16) !== "IHDR") return { error: "has no IHDR chunk first" };
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Every URL in the document, with where it was found: attribute values (other than namespace
 * declarations, which are names, not addresses) and text content.
 */
export function manifestUrls(doc: Document): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  const walk = (el: Element): void => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === "xmlns" || attr.prefix === "xmlns") continue;
      for (const m of attr.value.match(URL_LIKE) ?? []) found.push({ where: `<${el.localName} ${attr.name}>`, url: m });
    }
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) {
        for (const m of (child.nodeValue ?? "").match(URL_LIKE) ?? []) found.push({ where: `<${el.localName}> text`, url: m });
      }
    }
    for (const child of Array.from(el.children)) walk(child);
  };
  walk(doc.documentElement);
  return found;
}

function checkUrl(where: string, value: string, faults: string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    faults.push(`${where}: "${value}" is not an absolute URL`);
    return undefined;
  }
  if (url.protocol !== "https:") faults.push(`${where}: "${value}" is not https`);
  return url;
}

/** The icon file an icon URL names: the URL path must be <base path>assets/<file>. */
function checkIcon(where: string, value: string, size: number, assetsDir: string, faults: string[], basePath = "/"): void {
  const url = checkUrl(where, value, faults);
  if (!url) return;
  const assets = `${basePath}assets/`;
  if (!url.pathname.startsWith(assets) || url.pathname.slice(assets.length).includes("/")) {
    faults.push(`${where}: icon "${value}" is not served from ${assets}`);
    return;
  }
  const file = join(assetsDir, basename(url.pathname));
  if (!existsSync(file)) {
    faults.push(`${where}: icon ${basename(file)} is missing from assets`);
    return;
  }
  const dims = pngSize(readFileSync(file));
  if ("error" in dims) {
    faults.push(`${where}: icon ${basename(file)} ${dims.error}`);
  } else if (dims.width !== size || dims.height !== size) {
    faults.push(`${where}: icon ${basename(file)} is ${dims.width}x${dims.height}, declared ${size}x${size}`);
  }
}

/** All checks of one manifest. Returns the faults found (empty when it passes). */
export function checkManifest(xmlText: string, assetsDir: string, expect: ManifestExpectations = defaultExpectations()): string[] {
  const parsed = parseXml(xmlText);
  if ("error" in parsed) return [`manifest is not well-formed XML: ${parsed.error}`];
  const doc = parsed.doc;
  const faults: string[] = [];
  const root = doc.documentElement;

  if (root.localName !== "OfficeApp" || root.namespaceURI !== OFFICE_APP_NS) {
    faults.push(`root element is <${root.nodeName}> in ${root.namespaceURI ?? "no namespace"}, expected OfficeApp in ${OFFICE_APP_NS}`);
    return faults;
  }
  if (xsiType(root) !== "TaskPaneApp") faults.push(`OfficeApp xsi:type is "${xsiType(root) ?? ""}", expected "TaskPaneApp"`);

  // Direct children of OfficeApp (VersionOverrides has its own Description, Hosts and so on).
  const top = (name: string): Element | undefined =>
    Array.from(root.children).find((c) => c.localName === name && c.namespaceURI === OFFICE_APP_NS);
  const topValue = (name: string): string | undefined => {
    const el = top(name);
    return el ? (el.getAttribute("DefaultValue") ?? el.textContent ?? "").trim() : undefined;
  };

  const id = top("Id")?.textContent?.trim() ?? "";
  if (!GUID.test(id)) faults.push(`Id "${id}" is not a GUID`);
  else if (/^[0-]+$/.test(id)) faults.push(`Id "${id}" is the all-zero GUID`);

  const version = top("Version")?.textContent?.trim() ?? "";
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) faults.push(`Version "${version}" is not four numbers (n.n.n.n)`);
  else if (version.split(".").slice(0, 3).join(".") !== expect.packageVersion) {
    faults.push(`Version ${version} does not match package.json version ${expect.packageVersion}`);
  }

  if (topValue("ProviderName") !== expect.providerName) faults.push(`ProviderName is "${topValue("ProviderName") ?? ""}", expected "${expect.providerName}"`);
  if (topValue("DisplayName") !== expect.displayName) faults.push(`DisplayName is "${topValue("DisplayName") ?? ""}", expected "${expect.displayName}"`);
  if (!topValue("Description")) faults.push("Description is missing or empty");
  if (!topValue("DefaultLocale")) faults.push("DefaultLocale is missing");
  if (!topValue("SupportUrl")) faults.push("SupportUrl is missing");

  const hostNames = all(top("Hosts") ?? root, "Host").map((h) => h.getAttribute("Name"));
  if (!top("Hosts") || hostNames.length !== 1 || hostNames[0] !== "Workbook") {
    faults.push(`Hosts must name exactly the Excel host "Workbook" (found: ${hostNames.join(", ") || "none"})`);
  }

  const requirements = top("Requirements");
  const sets = requirements ? all(requirements, "Set") : [];
  const excelApi = sets.filter((s) => s.getAttribute("Name") === "ExcelApi");
  if (excelApi.length !== 1) faults.push(`Requirements must declare the ExcelApi set once (found ${excelApi.length})`);
  else if (excelApi[0]?.getAttribute("MinVersion") !== expect.minimumExcelApi) {
    faults.push(`ExcelApi MinVersion is ${excelApi[0]?.getAttribute("MinVersion") ?? "missing"}, expected ${expect.minimumExcelApi} (MINIMUM_EXCEL_API in src/excel/host.ts)`);
  }

  const settings = top("DefaultSettings");
  const source = settings ? all(settings, "SourceLocation")[0]?.getAttribute("DefaultValue") : undefined;
  if (!source) faults.push("DefaultSettings SourceLocation is missing");
  else if (!source.endsWith("/taskpane.html")) faults.push(`SourceLocation "${source}" is not the task pane page (taskpane.html)`);

  const permissions = top("Permissions")?.textContent?.trim();
  if (permissions !== "ReadWriteDocument") faults.push(`Permissions is "${permissions ?? ""}", expected ReadWriteDocument`);

  // Every URL anywhere in the document: absolute and https.
  const urls = manifestUrls(doc);
  if (urls.length === 0) faults.push("no URLs found");
  for (const { where, url } of urls) checkUrl(where, url, faults);
  // ...and the elements whose value must be a URL hold an absolute one (a relative path has no
  // scheme, so the scan above would not see it).
  const urlElements = [
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((n) => top(n)).filter((e): e is Element => !!e),
    ...(settings ? all(settings, "SourceLocation") : []),
    ...["Image", "Url"].flatMap((n) => all(root, n)).filter((e) => e.hasAttribute("id")),
  ];
  for (const el of urlElements) {
    const value = el.getAttribute("DefaultValue") ?? "";
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) checkUrl(`<${el.localName}${el.id ? ` id="${el.id}"` : ""}>`, value, faults);
    for (const o of Array.from(el.children).filter((c) => c.localName === "Override")) {
      const v = o.getAttribute("Value") ?? "";
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) checkUrl(`<${el.localName}> Override`, v, faults);
    }
  }

  // Every AppDomain is a bare https origin.
  const appDomains = all(root, "AppDomain").map((d) => d.textContent?.trim() ?? "");
  for (const text of appDomains) {
    const url = checkUrl("<AppDomain>", text, faults);
    if (url && url.origin !== text.replace(/\/$/, "")) faults.push(`<AppDomain>: "${text}" should be an origin only`);
  }

  // A release: every address under its base URL, on a real host.
  let basePath = "/";
  if (expect.releaseBase !== undefined) {
    const base = new URL(expect.releaseBase);
    basePath = base.pathname;
    for (const { where, url } of urls) {
      let host = "";
      try {
        host = new URL(url).hostname;
      } catch {
        // reported above as not absolute
      }
      if (PLACEHOLDER_HOST.test(host)) faults.push(`${where}: "${url}" is on a placeholder or local host, not a release host`);
      else if (!url.startsWith(base.href) && !(url === base.origin && appDomains.includes(url))) faults.push(`${where}: "${url}" is not under the release URL ${base.href}`);
    }
    if (!appDomains.includes(base.origin)) faults.push(`no <AppDomain> for the release host ${base.origin}`);
    if (source !== undefined && source !== `${base.href}taskpane.html`) faults.push(`SourceLocation "${source}" is not ${base.href}taskpane.html`);
  }

  // Icons in the base manifest, with their fixed sizes.
  const iconUrl = topValue("IconUrl");
  if (!iconUrl) faults.push("IconUrl is missing");
  else checkIcon("<IconUrl>", iconUrl, 32, assetsDir, faults, basePath);
  const hiRes = topValue("HighResolutionIconUrl");
  if (!hiRes) faults.push("HighResolutionIconUrl is missing");
  else checkIcon("<HighResolutionIconUrl>", hiRes, 64, assetsDir, faults, basePath);

  // VersionOverrides: resources by id, and every resid resolves.
  const overrides = all(root, "VersionOverrides")[0];
  if (!overrides) {
    faults.push("VersionOverrides (ribbon button) is missing");
    return faults;
  }
  const resources = all(overrides, "Resources")[0];
  const resource = new Map<string, { kind: string; value: string }>();
  for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    const container = resources ? all(resources, group)[0] : undefined;
    for (const el of container ? Array.from(container.children) : []) {
      const rid = el.getAttribute("id") ?? "";
      if (!rid) faults.push(`a resource in ${group} has no id`);
      else if (resource.has(rid)) faults.push(`resource id "${rid}" is defined twice`);
      if (rid.length > 32) faults.push(`resource id "${rid}" is longer than 32 characters`);
      const value = el.getAttribute("DefaultValue") ?? "";
      resource.set(rid, { kind: group, value });
      if (group === "ShortStrings" && value.length > SHORT_STRING_MAX) faults.push(`short string "${rid}" is over ${SHORT_STRING_MAX} characters`);
      if (group === "LongStrings" && value.length > LONG_STRING_MAX) faults.push(`long string "${rid}" is over ${LONG_STRING_MAX} characters`);
    }
  }
  const uses = Array.from(overrides.querySelectorAll("*")).filter((el) => el.hasAttribute("resid") && el.localName !== "Image");
  const iconUses = all(overrides, "Image").filter((el) => el.hasAttribute("resid"));
  for (const el of [...uses, ...iconUses]) {
    const rid = el.getAttribute("resid") ?? "";
    if (!resource.has(rid)) faults.push(`<${el.localName} resid="${rid}"> names no resource`);
  }
  for (const img of iconUses) {
    const rid = img.getAttribute("resid") ?? "";
    const size = Number(img.getAttribute("size"));
    const res = resource.get(rid);
    if (!res) continue;
    if (res.kind !== "Images") faults.push(`<Image resid="${rid}"> is not an image resource`);
    else if (!Number.isInteger(size) || size <= 0) faults.push(`<Image resid="${rid}"> has no valid size`);
    else checkIcon(`image ${rid} (size ${size})`, res.value, size, assetsDir, faults, basePath);
  }
  const ribbonSizes = new Set(iconUses.map((i) => i.getAttribute("size")));
  for (const size of ["16", "32", "80"]) {
    if (!ribbonSizes.has(size)) faults.push(`the ribbon icons lack a ${size}x${size} image`);
  }

  // The ribbon button that opens the task pane.
  const buttons = all(overrides, "Control").filter((c) => xsiType(c) === "Button");
  const showTaskpane = buttons.find((b) => all(b, "Action").some((a) => xsiType(a) === "ShowTaskpane"));
  if (!showTaskpane) {
    faults.push("no ribbon Button with a ShowTaskpane action");
  } else {
    const labelId = Array.from(showTaskpane.children).find((c) => c.localName === "Label")?.getAttribute("resid") ?? "";
    const label = resource.get(labelId)?.value;
    if (label !== expect.ribbonButtonLabel) faults.push(`ribbon button label is "${label ?? ""}", expected "${expect.ribbonButtonLabel}"`);
    const action = all(showTaskpane, "Action").find((a) => xsiType(a) === "ShowTaskpane")!;
    const taskpaneUrl = resource.get(all(action, "SourceLocation")[0]?.getAttribute("resid") ?? "")?.value;
    if (taskpaneUrl !== source) faults.push(`the ribbon button opens "${taskpaneUrl ?? ""}", not the SourceLocation "${source ?? ""}"`);
  }
  return faults;
}

/**
 * The development and production manifests must differ only in the host of their URLs: one origin
 * each, and replacing the development origin by the production origin must give the production
 * file byte for byte.
 */
export function compareManifestHosts(devText: string, prodText: string): string[] {
  const faults: string[] = [];
  const dev = parseXml(devText);
  const prod = parseXml(prodText);
  if ("error" in dev) return [`development manifest is not well-formed: ${dev.error}`];
  if ("error" in prod) return [`production manifest is not well-formed: ${prod.error}`];
  const origins = (doc: Document): Set<string> => {
    const set = new Set<string>();
    for (const { url } of manifestUrls(doc)) {
      try {
        set.add(new URL(url).origin);
      } catch {
        set.add(url);
      }
    }
    return set;
  };
  const devOrigins = [...origins(dev.doc)];
  const prodOrigins = [...origins(prod.doc)];
  if (devOrigins.length !== 1) faults.push(`development manifest uses ${devOrigins.length} hosts (${devOrigins.join(", ")}), expected one`);
  if (prodOrigins.length !== 1) faults.push(`production manifest uses ${prodOrigins.length} hosts (${prodOrigins.join(", ")}), expected one`);
  if (faults.length > 0) return faults;
  const devOrigin = devOrigins[0]!;
  const prodOrigin = prodOrigins[0]!;
  if (!/^https:\/\/localhost(:\d+)?$/.test(devOrigin)) faults.push(`development host is ${devOrigin}, expected https://localhost`);
  if (devOrigin === prodOrigin) faults.push("production manifest uses the development host");
  if (/localhost|127\.0\.0\.1/.test(prodText)) faults.push("production manifest mentions localhost");
  const devUrls = manifestUrls(dev.doc).map((u) => u.url.replace(devOrigin, ""));
  const prodUrls = manifestUrls(prod.doc).map((u) => u.url.replace(prodOrigin, ""));
  if (devUrls.join("\n") !== prodUrls.join("\n")) faults.push("the manifests' URL paths differ");
  const mapped = devText.split(devOrigin).join(prodOrigin);
  if (mapped !== prodText) {
    const a = mapped.split("\n");
    const b = prodText.split("\n");
    const firstDiff = a.findIndex((l, i) => l !== b[i]);
    const line = firstDiff === -1 ? a.length : firstDiff;
    faults.push(`the manifests differ in more than the host: first at line ${line + 1}: "${(a[line] ?? "").trim()}" vs "${(b[line] ?? "").trim()}"`);
  }
  return faults;
}
