/**
 * The bench's synthetic returns are clean (so the bench times a realistic check), and it times by the
 * clock it is given. How fast the check really is, `npm run bench` reports against its targets.
 */
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

test("the bench times the check by the clock it is given: the median of its timed runs, after warm-up runs", () => {
  // A clock that moves on 7 ms at every reading, so every timed run takes 7 ms whatever the machine.
  let readings = 0;
  const clock = () => 7 * readings++;
  const timings = benchChecks(clock);
  expect(timings.map((t) => [t.target, t.ms])).toEqual([
    [50, 7],
    [1000, 7],
  ]);
  // Two readings a timed run: 15 runs of the full year and 5 of the big impact map; the warm-up runs are not timed.
  expect(readings).toBe(2 * (15 + 5));
});
