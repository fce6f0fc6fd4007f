/** The error a framework definition that failed validation gives (its own module: the task pane recognises it without loading the validator). */

/** A framework definition that failed validation; `problems` holds one line a fault, path first. */
export class FrameworkError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid framework:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "FrameworkError";
  }
}
