/**
 * Per-file browser lifecycle for the specs: one chromium per file, a fresh guarded context and
 * task pane per test, and a failing test whenever the page logged an error or reached off-host.
 */
import { launch, newPane, openTaskPane, type Pane, type Session } from "./browser";

export interface Harness {
  /** The current test's pane (set in beforeEach). */
  readonly pane: Pane;
}

export function taskPaneForEachTest(options: { colorScheme?: "light" | "dark"; open?: boolean } = {}): Harness {
  let session: Session | undefined;
  let current: Pane | undefined;

  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    if (!session) throw new Error("chromium did not start");
    current = await newPane(session, { colorScheme: options.colorScheme });
    if (options.open !== false) await openTaskPane(current);
  });
  afterEach(async () => {
    const pane = current;
    current = undefined;
    if (!pane) return;
    const problems = [...pane.problems];
    await pane.close();
    // No console errors, page errors, failed requests or requests beyond 127.0.0.1.
    expect(problems).toEqual([]);
  });

  return {
    get pane() {
      if (!current) throw new Error("no task pane: used outside a test");
      return current;
    },
  };
}
