/**
 * The shared strings part: each `<si>` as plain text. Rich text is its runs' text joined; phonetic
 * guides (`<rPh>`) are not part of the text; Excel's `_xHHHH_` escapes are undone. An `<si>` with
 * no text at all is null (a blank cell).
 */
import { isSpreadsheet, parseXml } from "./xml";

/** Excel writes characters XML cannot carry as _xHHHH_ (ECMA-376 part 1, 22.9.2.19). */
export function unescapeExcelText(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export function sharedStrings(data: Uint8Array | undefined): (string | null)[] {
  if (!data) return [];
  const out: (string | null)[] = [];
  let current: string[] | undefined;
  let phonetic = 0;
  let inText = false;
  parseXml(data, {
    open(element) {
      if (!isSpreadsheet(element, element.local)) return;
      if (element.local === "si") current = undefined;
      else if (element.local === "rPh") phonetic++;
      else if (element.local === "t" && phonetic === 0) {
        inText = true;
        current ??= [];
      }
    },
    text(text) {
      if (inText) current?.push(text);
    },
    close(element) {
      if (!isSpreadsheet(element, element.local)) return;
      if (element.local === "t") inText = false;
      else if (element.local === "rPh") phonetic--;
      else if (element.local === "si") out.push(current ? unescapeExcelText(current.join("")) : null);
    },
  });
  return out;
}
