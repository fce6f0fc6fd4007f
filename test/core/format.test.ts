/** Words for people (src/core/format.ts): whole numbers are grouped by hand exactly as en-GB's Intl groups them. */
import { formatCount, formatMoneyWithPence, formatNumber, plural } from "../../src/core/format";

describe("counts", () => {
  it("writes whole numbers as en-GB does, without Intl", () => {
    const numbers = [0, 1, -1, 12, 999, 1000, -1000, 12_345, 123_456, 1_000_000, -1_234_567, 2_400_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (const n of numbers) expect(formatCount(n)).toBe(n.toLocaleString("en-GB"));
    for (let n = 1; n < 1e15; n = n * 7 + 3) expect(formatCount(n)).toBe(n.toLocaleString("en-GB"));
  });

  it("writes whole figures the same way, and others through Intl to the decimals asked for", () => {
    for (const n of [0, 7, -42, 32_767, 1_234_567]) for (const decimals of [0, 2, 6]) expect(formatNumber(n, decimals)).toBe(n.toLocaleString("en-GB", { maximumFractionDigits: decimals }));
    expect(formatNumber(1335.5, 6)).toBe("1,335.5");
    expect(formatNumber(2 / 3, 2)).toBe("0.67");
  });

  it("leaves what is not a whole number to Intl", () => {
    expect(formatCount(1234.5)).toBe("1,234.5");
    expect(formatCount(Number.NaN)).toBe("NaN");
    expect(plural(1234, "warning")).toBe("1,234 warnings");
  });

  it("writes money with pence", () => {
    expect(formatMoneyWithPence(18_450)).toBe("£18,450.00");
    expect(formatMoneyWithPence(-3.5)).toBe("-£3.50");
  });
});
