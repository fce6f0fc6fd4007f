/**
 * The receipts the pane downloads after collating: the core's text (src/core/collate/receipt.ts,
 * the command line's `--receipts` files, byte for byte) - one file as a .txt, several as a .zip of
 * .txt files (the .xlsx writers' zip writer, src/xlsx/zip-store.ts: stored uncompressed, as there
 * is no zlib in a browser).
 */
import { receipts } from "../core/collate/receipt";
import type { FileOutcome } from "../core/collate/types";
import { storedZip } from "../xlsx/zip-store";
import type { Download } from "./save-download";


/** The download of `files`' receipts; `day` names the .zip ("Receipts 2020-08-20.zip"). */
export function receiptsDownload(files: readonly FileOutcome[], day: Date): Download {
  const utf8 = new TextEncoder();
  const all = receipts(files, { year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate() });
  if (all.length === 1) return { name: all[0]!.name, type: "text/plain;charset=utf-8", bytes: utf8.encode(all[0]!.text) };
  const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
  const bytes = storedZip(
    all.map((r) => ({ name: r.name, data: utf8.encode(r.text) })),
    new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate())),
  );
  return { name: `Receipts ${iso}.zip`, type: "application/zip", bytes };
}
