// The shape of a failure drill and the checks it counts. A drill throws a
// DrillCheckError at its first failed check; the runner prints it.

/** What a passed drill reports: a sentence with what it checked, in figures. */
export interface DrillResult {
  checked: string;
}

/** One automated failure drill. */
export interface Drill {
  /** Short id, used on the command line, e.g. "kill-chain". */
  id: string;
  /** Title in the reliability table. */
  title: string;
  /** What the drill does, one or two sentences for the reliability table. */
  action: string;
  run(checks: Checks, log: (line: string) => void): Promise<DrillResult>;
}

/** Raised when a drill's check fails; the message names the check. */
export class DrillCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DrillCheckError";
  }
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    typeof inner === "bigint" ? `${inner}n` : inner,
  );
}

/** Counts the checks of one drill and throws at the first that fails. */
export class Checks {
  count = 0;

  /** Checks that `actual` is `expected` (Object.is, or equal JSON for objects). */
  equal<T>(actual: T, expected: T, what: string): void {
    this.count += 1;
    const same =
      typeof actual === "object" && actual !== null
        ? show(actual) === show(expected)
        : Object.is(actual, expected);
    if (!same) {
      throw new DrillCheckError(
        `${what}: expected ${show(expected)}, got ${show(actual)}.`,
      );
    }
  }

  /** Checks that a condition holds; `detail` explains a failure. */
  ok(condition: boolean, what: string, detail = ""): void {
    this.count += 1;
    if (!condition) {
      throw new DrillCheckError(
        `${what} does not hold${detail ? `: ${detail}` : ""}.`,
      );
    }
  }

  /** Fails the drill with a message. */
  fail(message: string): never {
    this.count += 1;
    throw new DrillCheckError(message);
  }
}
