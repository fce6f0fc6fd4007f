/**
 * LibreOffice as "another spreadsheet program" for tests: converting a workbook with it shows that
 * it opens, and re-saving as .xlsx shows what survives. Each run gets its own profile folder
 * (LibreOffice otherwise writes under ~/.config and refuses to run twice at once).
 * CI installs it; on a machine without it these tests fail rather than skip.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The soffice program on PATH; throws saying how to install it when there is none. */
export function sofficePath(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "soffice");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(
    "LibreOffice (soffice) is not on PATH. These tests check that other spreadsheet programs open our workbooks: " +
      "install it with `sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui` (CI installs it).",
  );
}

/**
 * Converts `file` with LibreOffice into `outDir` and returns the path written. `format` is what
 * --convert-to takes: "pdf", "csv", "xlsx" ("xlsx" re-saves through LibreOffice's own writer);
 * `options` go before it (e.g. an --infilter).
 */
export function convertWithLibreOffice(file: string, format: string, outDir: string, workDir: string, options: readonly string[] = []): string {
  const soffice = sofficePath();
  mkdirSync(outDir, { recursive: true });
  const profile = join(workDir, "lo-profile");
  const result = spawnSync(
    soffice,
    ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, ...options, "--convert-to", format, "--outdir", outDir, file],
    { encoding: "utf8", timeout: 570_000, env: { ...process.env, HOME: workDir, XDG_CONFIG_HOME: join(workDir, "xdg") } },
  );
  const output = join(outDir, `${basename(file, extname(file))}.${format.split(":")[0]!}`);
  if (result.error || result.status !== 0 || !existsSync(output)) {
    throw new Error(`LibreOffice could not convert ${file} to ${format} (exit ${String(result.status)}): ${result.error?.message ?? ""} ${result.stderr} ${result.stdout}`);
  }
  return output;
}

/** The pages of a PDF as LibreOffice wrote it: each page object's MediaBox (no object streams). */
export function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  const pages = [...text.matchAll(/\/Type\s*\/Page\b(?!s)/g)].length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
  return Array.from({ length: pages }, (_, i) => boxes[Math.min(i, boxes.length - 1)]!);
}

/** Each page's text, through pdftotext (Debian poppler-utils). */
export function pageTexts(pdf: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => {
    const out = spawnSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" });
    if (out.error || out.status !== 0) throw new Error(`pdftotext failed (install poppler-utils: sudo apt-get install -y poppler-utils): ${out.error?.message ?? out.stderr}`);
    return out.stdout;
  });
}

/** A4 landscape in points, as a PDF's MediaBox gives it (within a point). */
export function isA4Landscape(page: { width: number; height: number }): boolean {
  return Math.abs(page.width - 842) < 2 && Math.abs(page.height - 595) < 2;
}
