/**
 * Which files `collate FOLDER` reads (src/xlsx/folder.ts): every regular file in the folder and
 * its subfolders, in name order, whatever its extension; lock files, hidden files, receipts, the
 * sector workbook being written, links to folders, broken links, pipes and folders too deep are
 * skipped, each with a reason, and named in one line.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gatherInputs, MAX_DEPTH, skippedByName, skippedLine, type SkippedFile } from "../../src/xlsx/folder";
import { tempDir } from "../support/cli";

let dir: string;
let cleanUp: () => void;

beforeEach(() => {
  ({ dir, cleanUp } = tempDir("folder"));
});
afterEach(() => cleanUp());

function touch(...paths: string[]): void {
  for (const path of paths) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), "x");
  }
}

const rel = (paths: readonly string[]) => paths.map((p) => relative(dir, p));
const skippedRel = (skipped: readonly SkippedFile[]) => skipped.map((s) => [relative(dir, s.file), s.kind]);

describe("gatherInputs", () => {
  it("reads every regular file whatever its extension, in name order with subfolders in place", async () => {
    touch("returns/b.xlsx", "returns/a.xls", "returns/C.ods", "returns/june/z.csv", "returns/june/a.pdf", "returns/k", "returns/empty.xlsx");
    const { files, skipped } = await gatherInputs([join(dir, "returns")]);
    expect(rel(files)).toEqual(["returns/C.ods", "returns/a.xls", "returns/b.xlsx", "returns/empty.xlsx", "returns/june/a.pdf", "returns/june/z.csv", "returns/k"]);
    expect(skipped).toEqual([]);
  });

  it("skips lock files, hidden files and folders, receipts and the sector workbook, naming each", async () => {
    touch(
      "returns/alpha.xlsx",
      "returns/~$alpha.xlsx",
      "returns/.~lock.beta.xlsx#",
      "returns/.DS_Store",
      "returns/Thumbs.db",
      "returns/.git/config",
      "returns/receipts/alpha.receipt.txt",
      "returns/receipts/notes.txt",
      "returns/sector.xlsx",
      "returns/.sector.xlsx.123-abcd.impact-returns-tmp",
    );
    const { files, skipped } = await gatherInputs([join(dir, "returns")], { output: join(dir, "returns", "sector.xlsx") });
    expect(rel(files)).toEqual(["returns/alpha.xlsx", "returns/receipts/notes.txt"]);
    expect(skippedRel(skipped)).toEqual([
      ["returns/.DS_Store", "hidden"],
      ["returns/.git", "hidden"],
      ["returns/.sector.xlsx.123-abcd.impact-returns-tmp", "hidden"],
      ["returns/.~lock.beta.xlsx#", "lock-file"],
      ["returns/Thumbs.db", "hidden"],
      ["returns/receipts/alpha.receipt.txt", "receipt"],
      ["returns/sector.xlsx", "output"],
      ["returns/~$alpha.xlsx", "lock-file"],
    ]);
    expect(skipped.find((s) => s.file.endsWith(".git"))).toMatchObject({ folder: true, reason: "a hidden folder, not searched" });
    expect(skipped.find((s) => s.file.endsWith("~$alpha.xlsx"))).toMatchObject({ folder: false, reason: "an Excel lock file" });
  });

  it("reads files named directly as named, except the sector workbook, and each file once", async () => {
    touch("returns/a.xlsx", "returns/~$a.xlsx", "sector.xlsx");
    const a = join(dir, "returns", "a.xlsx");
    const { files, skipped } = await gatherInputs([join(dir, "returns", "~$a.xlsx"), a, join(dir, "returns"), join(dir, "returns", "..", "returns", "a.xlsx"), join(dir, "sector.xlsx"), join(dir, "missing.xlsx")], {
      output: join(dir, "sector.xlsx"),
    });
    expect(rel(files)).toEqual(["returns/~$a.xlsx", "returns/a.xlsx", "missing.xlsx"]);
    expect(skippedRel(skipped)).toEqual([["sector.xlsx", "output"]]);
  });

  it("follows links to files, never to folders, and names broken links, pipes and folders too deep", async () => {
    touch("elsewhere/real.xlsx", "returns/a.xlsx");
    symlinkSync(join(dir, "elsewhere", "real.xlsx"), join(dir, "returns", "link.xlsx"));
    symlinkSync(join(dir, "returns"), join(dir, "returns", "loop"));
    symlinkSync(join(dir, "nowhere.xlsx"), join(dir, "returns", "broken.xlsx"));
    execFileSync("mkfifo", [join(dir, "returns", "pipe.xlsx")]);
    const deep = join("returns", ...Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `d${i}`));
    touch(join(deep, "deepest.xlsx"), join("returns", ...Array.from({ length: MAX_DEPTH }, (_, i) => `d${i}`), "deep.xlsx"));
    const { files, skipped } = await gatherInputs([join(dir, "returns")]);
    expect(rel(files)).toEqual(["returns/a.xlsx", join("returns", ...Array.from({ length: MAX_DEPTH }, (_, i) => `d${i}`), "deep.xlsx"), "returns/link.xlsx"]);
    expect(skippedRel(skipped)).toEqual([
      ["returns/broken.xlsx", "broken-link"],
      [deep, "too-deep"],
      ["returns/loop", "link-to-folder"],
      ["returns/pipe.xlsx", "not-a-file"],
    ]);
  });
});

describe("skippedByName", () => {
  it("knows lock files, hidden files and receipts by name alone", () => {
    expect(skippedByName("~$return.xlsx")?.kind).toBe("lock-file");
    expect(skippedByName(".~lock.return.xlsx#")?.kind).toBe("lock-file");
    expect(skippedByName(".DS_Store")?.kind).toBe("hidden");
    expect(skippedByName("desktop.ini")?.kind).toBe("hidden");
    expect(skippedByName("Alpha.Receipt.TXT")?.kind).toBe("receipt");
    expect(skippedByName("receipts", true)).toBeUndefined();
    expect(skippedByName("return.xls")).toBeUndefined();
    expect(skippedByName("receipt.txt")).toBeUndefined();
  });
});

describe("skippedLine", () => {
  const skip = (file: string, reason: string, folder = false): SkippedFile => ({ file: `returns/${file}`, kind: "hidden", folder, reason });

  it("names each skipped file with its reason, counting files and folders", () => {
    expect(skippedLine([])).toBeUndefined();
    expect(skippedLine([skip("~$a.xlsx", "an Excel lock file"), skip(".DS_Store", "hidden")])).toBe("Skipped 2 files: ~$a.xlsx (an Excel lock file), .DS_Store (hidden)");
    expect(skippedLine([skip(".git", "a hidden folder, not searched", true)])).toBe("Skipped 1 folder: .git (a hidden folder, not searched)");
    expect(skippedLine([skip(".a", "hidden"), skip(".git", "a hidden folder, not searched", true)])).toMatch(/^Skipped 1 file and 1 folder: /);
  });

  it("stays short however many were skipped, counting the rest", () => {
    const many = Array.from({ length: 500 }, (_, i) => skip(`.hidden-${i}`, "hidden"));
    const line = skippedLine(many)!;
    expect(line.length).toBeLessThan(600);
    expect(line).toMatch(/^Skipped 500 files: \.hidden-0 \(hidden\), /);
    expect(line).toMatch(/, and \d+ more \(listed with --json\)$/);
    expect(skippedLine([skip(`${"x".repeat(300)}.xlsx`, "hidden")])!.length).toBeLessThan(120);
  });
});
