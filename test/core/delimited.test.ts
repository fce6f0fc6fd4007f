import { parseDelimited } from "../../src/core/delimited";

describe("parseDelimited: CSV registers and Excel's clipboard text, read as Excel reads them", () => {
  it("splits rows on any line break and ignores the last one", () => {
    expect(parseDelimited("a,b\r\nc,d\ne,f\rg,h\n", ",")).toEqual([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]);
    expect(parseDelimited("1\t2\r\n3\t4\r\n", "\t")).toEqual([["1", "2"], ["3", "4"]]);
  });

  it("keeps a quoted cell's separators, line breaks and doubled quotes", () => {
    expect(parseDelimited('RH01,"Riverside, Homes","5,200"\n', ",")).toEqual([["RH01", "Riverside, Homes", "5,200"]]);
    expect(parseDelimited('"two\nlines"\t"say ""hi"""\n', "\t")).toEqual([["two\nlines", 'say "hi"']]);
  });

  it("keeps a quote that does not start a cell, as Excel does", () => {
    expect(parseDelimited('Bob\'s "best" homes,3\n', ",")).toEqual([['Bob\'s "best" homes', "3"]]);
  });

  it("keeps trailing empty cells, drops a byte-order mark, and reads nothing from nothing", () => {
    expect(parseDelimited("\uFEFFa,b,\n", ",")).toEqual([["a", "b", ""]]);
    expect(parseDelimited("", ",")).toEqual([]);
    expect(parseDelimited("\n", ",")).toEqual([[""]]);
  });
});
