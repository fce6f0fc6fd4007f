/**
 * The package reader's XML scanner (src/xlsx/package/xml.ts) against saxes, the general parser it
 * replaced: over every XML part of a filled return, the same return with every element prefixed
 * and in Strict Open XML, the same elements (namespace, local name, attributes), the same text
 * and the same ends. Then what a return's XML may hold written other ways (references, CDATA,
 * comments, a DOCTYPE, line ends, prefixes), and what is not well-formed, which both refuse.
 */
import { SaxesParser } from "saxes";
import { parseXml, qualifiedAttributes, type Element } from "../../src/xlsx/package/xml";
import { requireBuiltCli, tempDir } from "../support/cli";
import { prefixEveryElement, toStrict, unzip, type Parts } from "../support/package-rewrite";
import { sevenMonthReturn } from "../support/returns";

jest.setTimeout(120_000);

const { dir, cleanUp } = tempDir("package-xml-scan");
afterAll(cleanUp);

type Event = [kind: "open", uri: string, local: string, attributes: string[]] | [kind: "text", text: string] | [kind: "close", uri: string, local: string];

/** Adds text to the events, joined with any text just before it (parsers may split text differently). */
function addText(events: Event[], text: string): void {
  const last = events[events.length - 1];
  if (last?.[0] === "text") last[1] += text;
  else events.push(["text", text]);
}

const sorted = (pairs: string[]) => pairs.sort();

/** The scanner's events: attributes as "uri local=value" (uri empty for none; namespace declarations left out). */
function scannerEvents(data: Uint8Array): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const attributes = (element: Element) => {
    const plain: string[] = [];
    for (let i = 0; i < element.attributes.length; i += 2) if (!element.attributes[i]!.includes(":") && element.attributes[i] !== "xmlns") plain.push(` ${element.attributes[i]}=${element.attributes[i + 1]}`);
    return sorted([...plain, ...qualifiedAttributes(element).map(([uri, local, value]) => `${uri} ${local}=${value}`)]);
  };
  parseXml(data, {
    open(element) {
      depth++;
      events.push(["open", element.uri, element.local, attributes(element)]);
    },
    text(text) {
      if (depth > 0) addText(events, text);
    },
    close(element) {
      depth--;
      events.push(["close", element.uri, element.local]);
    },
  });
  return events;
}

const XMLNS = "http://www.w3.org/2000/xmlns/";

/** saxes's events, in the same shape (text outside the root left out, as the scanner gives none). */
function saxesEvents(data: Uint8Array): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => {
    depth++;
    const attributes = Object.values(tag.attributes)
      .filter((a) => a.uri !== XMLNS)
      .map((a) => `${a.uri} ${a.local}=${a.value}`);
    events.push(["open", tag.uri, tag.local, sorted(attributes)]);
  });
  const text = (t: string) => {
    if (depth > 0) addText(events, t);
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.on("closetag", (tag) => {
    depth--;
    events.push(["close", tag.uri, tag.local]);
  });
  parser.write(new TextDecoder().decode(data)).close();
  return events;
}

const encode = (xml: string) => new TextEncoder().encode(xml);

/** Whether a parse throws. */
function throws(parse: () => unknown): boolean {
  try {
    parse();
    return false;
  } catch {
    return true;
  }
}

let parts: Parts;

beforeAll(async () => {
  requireBuiltCli();
  parts = unzip(await sevenMonthReturn(dir, { organisation: "Riverside & Sons <Homes>", extra: { Outcomes: { A2: 'Older "residents" \u2013 café', H2: 40, J2: 150, I2: 1 } } }));
});

describe("the scanner reads a return's parts as saxes does", () => {
  it.each([
    ["as saved", (p: Parts) => p],
    ["every element prefixed (x:)", prefixEveryElement],
    ["Strict Open XML", toStrict],
  ])("%s", (_, rewrite) => {
    const xmlParts = Object.entries(rewrite(parts)).filter(([name]) => /\.(xml|rels)$/.test(name));
    expect(xmlParts.length).toBeGreaterThan(15);
    let elements = 0;
    for (const [name, data] of xmlParts) {
      const events = scannerEvents(data);
      expect({ name, events }).toEqual({ name, events: saxesEvents(data) });
      elements += events.filter((e) => e[0] === "open").length;
    }
    expect(elements).toBeGreaterThan(2000);
  });
});

describe("XML written other ways", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  it.each([
    ["references", `<sst xmlns="${MAIN}"><si><t>A &amp; B &lt;&gt; &quot;q&quot; &apos;a&apos; &#163;5 &#x20AC;6 &#x1F600;</t></si></sst>`],
    ["CDATA, comments, processing instructions", `<?xml version="1.0"?><!-- c --><sst xmlns="${MAIN}"><?pi x?><si><t><![CDATA[<b> & ]]>tail<!-- x --></t></si></sst>`],
    ["a DOCTYPE with an internal subset", `<?xml version="1.0"?><!DOCTYPE sst [<!ELEMENT sst ANY>]><sst xmlns="${MAIN}"><si><t>x</t></si></sst>`],
    ["line ends and white space kept", `<sst xmlns="${MAIN}"><si><t xml:space="preserve">  one\r\ntwo\rthree\n </t></si></sst>`],
    ["attribute values: single quotes, '>', tabs and line ends", `<sheetData xmlns="${MAIN}"><row r='1' spans="1:&#10;2"><c r="A1" t=">s" s="\t1\r\n"/></row></sheetData>`],
    ["prefixes rebound inside an element", `<x:worksheet xmlns:x="${MAIN}" xmlns:r="urn:other"><x:sheetData><y:row xmlns:y="${MAIN}" r="1"/></x:sheetData><x:tableParts><x:tablePart xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:tableParts><c xmlns="">not SpreadsheetML</c></x:worksheet>`],
    ["UTF-8 text beyond ASCII, end tags with spaces", `<sst xmlns="${MAIN}"><si><t>Crème brûlée – 東京</t ></si></sst >`],
  ])("%s", (_, xml) => {
    expect(scannerEvents(encode(xml))).toEqual(saxesEvents(encode(xml)));
  });

  it("reads a UTF-16 part (by its byte order mark) as the same text", () => {
    const xml = `<sst xmlns="${MAIN}"><si><t>Café</t></si></sst>`;
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(xml, (c) => c.charCodeAt(0)).buffer)]);
    expect(scannerEvents(utf16)).toEqual(saxesEvents(encode(xml)));
  });

  it.each([
    ["no root", "  "],
    ["text after the root", "<a/>text"],
    ["a second root", "<a/><b/>"],
    ["angle brackets", "<<<>>>"],
    ["an unclosed element", "<a><b></a>"],
    ["a mismatched end tag", "<a></b>"],
    ["an end tag with nothing open", "</a>"],
    ["an unfinished tag", '<a b="1"'],
    ["an unquoted attribute", "<a b=1/>"],
    ["a duplicate attribute", '<a b="1" b="2"/>'],
    ["no space between attributes", '<a b="1"c="2"/>'],
    ["'<' in an attribute", '<a b="<"/>'],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["an entity the DOCTYPE declares (never expanded)", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["a bare '&'", "<a>fish & chips</a>"],
    ["a reference to a forbidden character", "<a>&#1;</a>"],
    ["a forbidden character", "<a>\u0001</a>"],
    ["an unbound prefix", "<x:a/>"],
    ["a prefix undeclared", '<a xmlns:p=""/>'],
    ["an unfinished comment", "<a><!-- x</a>"],
  ])("refuses %s, as saxes does", (_, xml) => {
    expect(throws(() => saxesEvents(encode(xml)))).toBe(true);
    expect(throws(() => scannerEvents(encode(xml)))).toBe(true);
  });

  it("reads an empty (0-byte) part as empty", () => {
    expect(scannerEvents(new Uint8Array(0))).toEqual([]);
  });
});
