#!/usr/bin/env node
/**
 * `npm run release -- --url https://HOST/PATH/` builds a release for that host:
 *
 *   release/site/                          the folder to put on the HTTPS static host, at that URL:
 *                                          the task pane (production build, Office.js from Microsoft's
 *                                          CDN), preview.html, support.html, assets/ and manifest.xml,
 *                                          whose every URL points there
 *   release/impact-returns-site-X.Y.Z.zip  the same folder as one file to upload
 *   release/impact-returns-X.Y.Z.tgz       the command line (`npm install -g` it; scripts/pack-cli.mjs)
 *
 * Options (or environment variables):
 *   --url URL        IMPACT_RETURNS_URL      where the folder will be served (https, ending in /)
 *   --contact TEXT   IMPACT_RETURNS_CONTACT  where to report a problem, on the support page
 *                                            (an email address or a web address)
 *   --out DIR                                default release/ (emptied first)
 *
 * The manifest is made from manifest.prod.xml by putting the URL in place of its placeholder host;
 * a URL on a placeholder or local host (example.org, localhost) is refused. Exit 2 for bad
 * arguments, 1 when the build or packing fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { packCli } from "./pack-cli.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The placeholder origin manifest.prod.xml is written with. */
export const PLACEHOLDER_ORIGIN = "https://impact-returns.example.org";
/** Hosts that are never a real deployment: documentation placeholders and this machine. */
const NOT_A_HOST = /(^|\.)(example\.(org|com|net)|localhost|invalid|test)$|^127\.|^\[?::1\]?$/i;

class UsageError extends Error {}

/** The release's base URL from what was typed: https, no query or fragment, ending in "/". */
export function baseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`"${text}" is not a web address; give the full address, e.g. https://addins.example-housing.org.uk/impact-returns/`);
  }
  if (url.protocol !== "https:") throw new UsageError(`${text} is not https: Office loads add-ins only over https`);
  if (url.search || url.hash || url.username || url.password) throw new UsageError(`${text} has a query, fragment or password: give the folder's address only`);
  if (NOT_A_HOST.test(url.hostname)) throw new UsageError(`${url.hostname} is a placeholder or local host, not where officers' Excel can load the add-in from`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** manifest.prod.xml with every URL moved to `base` (and the AppDomain to its origin). */
export function releaseManifest(prodText, base, version) {
  const origin = new URL(base).origin;
  // (No address in the comment: a host name may hold "--", which an XML comment may not.)
  const header = `<!--\n  Impact Returns ${version} add-in manifest, made by \`npm run release\` from manifest.prod.xml.\n  Upload this file (Microsoft 365 admin centre, Integrated apps) or put it in a shared-folder catalog.\n-->`;
  const text = prodText
    .replace(/<!--[\s\S]*?-->/, header)
    .split(`${PLACEHOLDER_ORIGIN}/`)
    .join(base)
    .split(`<AppDomain>${PLACEHOLDER_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`);
  if (text.includes("example.org")) throw new Error("manifest.prod.xml has an address the release could not move to the host");
  return text;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Builds the release; returns the paths written. */
export function release({ url, contact = "", out = join(ROOT, "release") }) {
  const base = baseUrl(url);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const outDir = resolve(out);
  const site = join(outDir, "site");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });

  // The production build (Office.js from Microsoft's CDN; PREVIEW cleared so it is never the local copy).
  const webpack = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const env = { ...process.env, PREVIEW: "0", IMPACT_RETURNS_CONTACT: contact };
  const built = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", "release", "--output-path", site], { cwd: ROOT, env, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`the task pane build failed (exit ${built.status}):\n${built.stdout}\n${built.stderr}`);
  if (existsSync(join(site, "office-js"))) throw new Error("the build copied the local Office.js: a release must load it from Microsoft's CDN");

  writeFileSync(join(site, "manifest.xml"), releaseManifest(readFileSync(join(ROOT, "manifest.prod.xml"), "utf8"), base, pkg.version));

  const zipPath = join(outDir, `impact-returns-site-${pkg.version}.zip`);
  const entries = Object.fromEntries(filesUnder(site).map((file) => [relative(site, file).split(sep).join("/"), readFileSync(file)]));
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));

  const tarball = packCli(outDir);
  return { base, site, manifest: join(site, "manifest.xml"), zip: zipPath, tarball };
}

function option(args, name, envName) {
  const at = args.indexOf(name);
  if (at >= 0) {
    const value = args[at + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
    return value;
  }
  const inline = args.find((a) => a.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  return envName ? process.env[envName] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    const url = option(args, "--url", "IMPACT_RETURNS_URL");
    if (!url) throw new UsageError("say where the add-in will be served: npm run release -- --url https://HOST/PATH/ (or set IMPACT_RETURNS_URL)");
    const written = release({ url, contact: option(args, "--contact", "IMPACT_RETURNS_CONTACT") ?? "", out: option(args, "--out") ?? join(ROOT, "release") });
    console.log(`Release for ${written.base}:`);
    console.log(`  ${relative(process.cwd(), written.site)}/  put this folder at ${written.base}`);
    console.log(`  ${relative(process.cwd(), written.manifest)}  upload it to Integrated apps (see docs/deploy.md)`);
    console.log(`  ${relative(process.cwd(), written.zip)}`);
    console.log(`  ${relative(process.cwd(), written.tarball)}  npm install -g it for the command line`);
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
