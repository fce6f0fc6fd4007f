/**
 * Rewriting a real return's package as other producers write theirs, for the package reader's
 * tests: every SpreadsheetML element with an `x:` prefix (.NET's Open XML SDK, ClosedXML), the
 * workbook part moved and found only through relationships, an empty stored part, Strict Open XML
 * namespaces, shared formulas. Parts are unzipped and zipped again with fflate.
 */
import { strToU8, strFromU8, unzipSync, zipSync, type Zippable } from "fflate";

export type Parts = Record<string, Uint8Array>;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export function unzip(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

/** Zips parts again (deflated; 0-byte parts stored). */
export function zip(parts: Parts): Uint8Array {
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) out[name] = [data, { level: data.length === 0 ? 0 : 6 }];
  return zipSync(out);
}

function editText(parts: Parts, test: (name: string) => boolean, edit: (xml: string, name: string) => string): Parts {
  const out: Parts = {};
  for (const [name, data] of Object.entries(parts)) out[name] = test(name) ? strToU8(edit(strFromU8(data), name)) : data;
  return out;
}

/** Every element of every SpreadsheetML part (workbook, sheets, shared strings, styles, tables) written as `<x:name>`. */
export function prefixEveryElement(parts: Parts): Parts {
  return editText(
    parts,
    (name) => name.endsWith(".xml") && strFromU8(parts[name]!).includes(`xmlns="${MAIN}"`),
    (xml) => xml.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, "<$1x:$2"),
  );
}

/**
 * The workbook part moved to book/main.xml: the package's relationship, the content types and the
 * workbook's own relationships (now absolute "/xl/..." and "../xl/..." targets) follow it.
 */
export function moveWorkbookPart(parts: Parts): Parts {
  const out: Parts = {};
  for (const [name, data] of Object.entries(parts)) {
    if (name === "xl/workbook.xml") out["book/main.xml"] = data;
    else if (name === "xl/_rels/workbook.xml.rels") {
      let n = 0;
      out["book/_rels/main.xml.rels"] = strToU8(strFromU8(data).replace(/Target="([^"]+)"/g, (_, target: string) => (n++ % 2 === 0 ? `Target="/xl/${target}"` : `Target="../xl/${target}"`)));
    } else if (name === "_rels/.rels") out[name] = strToU8(strFromU8(data).replace('Target="xl/workbook.xml"', 'Target="book/main.xml"'));
    else if (name === "[Content_Types].xml") out[name] = strToU8(strFromU8(data).replace('PartName="/xl/workbook.xml"', 'PartName="/book/main.xml"'));
    else out[name] = data;
  }
  return out;
}

/** An empty thumbnail (0 bytes, stored), named in the package's relationships and content types. */
export function addEmptyThumbnail(parts: Parts): Parts {
  const out = { ...parts, "docProps/thumbnail.jpeg": new Uint8Array(0) };
  return editText(
    out,
    (name) => name === "_rels/.rels" || name === "[Content_Types].xml",
    (xml, name) =>
      name === "_rels/.rels"
        ? xml.replace("</Relationships>", '<Relationship Id="rIdThumb" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>')
        : xml.replace("</Types>", '<Default Extension="jpeg" ContentType="image/jpeg"/></Types>'),
  );
}

/** Strict Open XML: SpreadsheetML's and relationships' Strict namespaces, conformance="strict". */
export function toStrict(parts: Parts): Parts {
  return editText(
    parts,
    (name) => name.endsWith(".xml") || name.endsWith(".rels"),
    (xml) =>
      xml
        .split(MAIN)
        .join(STRICT_MAIN)
        .split(`${REL}/`)
        .join(`${STRICT_REL}/`)
        .split(`"${REL}"`)
        .join(`"${STRICT_REL}"`)
        .replace(/<workbook\b/, '<workbook conformance="strict"'),
  );
}

/**
 * The formulas down one column written as one shared formula, as Excel writes a filled-down
 * column: the first cell keeps the text (with the range it is shared over), the others only point
 * to it. Only right where each cell's formula is the first one moved down (Set up writes them so).
 */
export function shareFormulas(parts: Parts, sheet: string, column: string): Parts {
  return editText(
    parts,
    (name) => name === sheet,
    (xml) => {
      const cell = new RegExp(`<c r="${column}(\\d+)"([^>]*)><f>([^<]*)</f>`, "g");
      const rows = [...xml.matchAll(cell)].map((m) => Number(m[1]));
      if (rows.length < 2) throw new Error(`no formulas down column ${column} of ${sheet}`);
      const ref = `${column}${rows[0]!}:${column}${rows[rows.length - 1]!}`;
      let first = true;
      return xml.replace(cell, (_, row: string, rest: string, formula: string) => {
        const f = first ? `<f t="shared" ref="${ref}" si="0">${formula}</f>` : '<f t="shared" si="0"/>';
        first = false;
        return `<c r="${column}${row}"${rest}>${f}`;
      });
    },
  );
}
