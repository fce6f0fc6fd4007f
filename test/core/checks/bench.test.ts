/** The bench's synthetic returns are clean (so the bench times a realistic check) and the check is fast enough. */
import { benchChecks, benchFramework, benchReturn } from "../../../src/bench/check-bench";
import { checkReturn } from "../../../src/core/checks";
import { measureRows } from "../../../src/core/setup/measure-rows";

test("the bench's full-year return has at least 60 measure rows and is clean", () => {
  const framework = benchFramework();
  expect(measureRows(framework).length).toBeGreaterThanOrEqual(60);
  const snapshot = benchReturn(framework, 500, 200);
  const result = checkReturn(snapshot);
  expect(result.framework).toEqual({ id: "bench-framework", version: 1 });
  expect(result.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([]);
});

test("the check is fast enough", () => {
  const timings = benchChecks();
  expect(timings.map((t) => t.target)).toEqual([50, 1000]);
  for (const t of timings) {
    expect(t.ms).toBeGreaterThan(0);
    // Headroom for slow, shared test machines; `npm run bench` reports the real figures against the targets.
    expect(t.ms).toBeLessThan(t.target * 4);
  }
});
