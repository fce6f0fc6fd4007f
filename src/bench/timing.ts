/** Timing for the bench: the median of several runs, read from a clock the caller may give (tests give a fake one). */

/** Milliseconds from some fixed point. */
export type Clock = () => number;

/** The real clock: performance.now() where there is one (Node, browsers), else Date.now(). */
export const wallClock: Clock = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** The middle value (the upper middle of an even count). */
export function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median time of `runs` runs of `run`, after `warmUp` runs that are not timed. */
export function medianTime(run: () => void, runs: number, { warmUp = 0, clock = wallClock }: { warmUp?: number; clock?: Clock } = {}): number {
  for (let i = 0; i < warmUp; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = clock();
    run();
    times.push(clock() - start);
  }
  return median(times);
}
