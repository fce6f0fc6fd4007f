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
 * --convert-to takes: "pdf", "csv", "xlsx" ("xlsx" re-saves through LibreOffice's own writer).
 */
export function convertWithLibreOffice(file: string, format: string, outDir: string, workDir: string): string {
  const soffice = sofficePath();
  mkdirSync(outDir, { recursive: true });
  const profile = join(workDir, "lo-profile");
  const result = spawnSync(
    soffice,
    ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", format, "--outdir", outDir, file],
    { encoding: "utf8", timeout: 570_000, env: { ...process.env, HOME: workDir, XDG_CONFIG_HOME: join(workDir, "xdg") } },
  );
  const output = join(outDir, `${basename(file, extname(file))}.${format.split(":")[0]!}`);
  if (result.error || result.status !== 0 || !existsSync(output)) {
    throw new Error(`LibreOffice could not convert ${file} to ${format} (exit ${String(result.status)}): ${result.error?.message ?? ""} ${result.stderr} ${result.stdout}`);
  }
  return output;
}
