/**
 * The floors the bench prints beside its figures, each over the same bytes: a bare exceljs load
 * (what reading cost before issue 19's reader), and a bare fflate unzip plus one streaming XML
 * (saxes) pass over every XML part - the least any reader of the package can do.
 */
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { Workbook } from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/** exceljs builds its whole model of the workbook from the bytes. */
export async function bareExceljsLoad(bytes: Uint8Array): Promise<void> {
  await new Workbook().xlsx.load(bytes as never);
}

/** Unzips every part and runs each XML part through saxes; returns the elements seen (so the pass cannot be optimised away). */
export function bareUnzipParse(bytes: Uint8Array): number {
  let elements = 0;
  for (const [name, part] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", () => void elements++);
    parser.write(strFromU8(part)).close();
  }
  return elements;
}

/** Milliseconds to pass every file through a floor, one after another in this thread (each file's bytes read from disk first, as collate does). */
export async function floorOver(files: readonly string[], floor: (bytes: Uint8Array) => unknown): Promise<number> {
  const start = performance.now();
  for (const file of files) await floor(readFileSync(file));
  return performance.now() - start;
}
