import type { EvaluationRecord } from "./record.ts";

// Compares an evaluation record read from a file with the record of the
// same round read from a chain at the same block. Only the sheets in a
// record are signed, so a record on its own can be forged consistently.
// This comparison is what ties a file to the chain.

/** The comparisons `compareRecordWithChain` reports, in order. */
export const CHAIN_CHECK_IDS = [
  "chain-block",
  "chain-params",
  "chain-status",
  "chain-events",
  "chain-result",
] as const;

export type ChainCheckId = (typeof CHAIN_CHECK_IDS)[number];

/** One comparison of a part of the record with the chain. */
export type ChainCheck = {
  id: ChainCheckId;
  label: string;
  /** "passed" or "failed"; a comparison never depends on a cancellation. */
  outcome: "passed" | "failed";
  ok: boolean;
  /** Description of what was compared, or the differences when it failed. */
  detail: string;
  /** One line per differing field: its path and both values. */
  problems: string[];
};

type Section = {
  id: ChainCheckId;
  label: string;
  keys: readonly (keyof EvaluationRecord)[];
  passed: (chain: EvaluationRecord, options: CompareOptions) => string;
};

/** Options of `compareRecordWithChain`. */
export type CompareOptions = {
  /**
   * The block whose state the chain's getRound view was read at, when it
   * is not the record's block: `fetchRoundRecordDetailed` reads a final
   * round's view at the head when the node keeps no older state.
   */
  statusBlock?: number;
};

const EVENT_KEYS = [
  "reissues",
  "claims",
  "recusals",
  "commits",
  "closing",
  "reveals",
  "cancellation",
] as const;

const SECTIONS: readonly Section[] = [
  {
    id: "chain-block",
    label: "The record's block is the chain's block",
    keys: ["chainId", "registry", "roundId", "asOf"],
    passed: (chain) =>
      `block ${chain.asOf.block} has hash ${chain.asOf.blockHash} on chain ${chain.chainId}`,
  },
  {
    id: "chain-params",
    label: "The round's parameters match its RoundCreated event on chain",
    keys: ["created"],
    passed: (chain) =>
      `RoundCreated in block ${chain.created.block}, transaction ${chain.created.transactionHash}`,
  },
  {
    id: "chain-status",
    label: "The registry's getRound view matches the chain's",
    keys: ["status"],
    passed: (chain, options) =>
      options.statusBlock === undefined ||
      options.statusBlock === chain.asOf.block
        ? `getRound of round ${chain.roundId} at block ${chain.asOf.block}`
        : `getRound of round ${chain.roundId} at block ${options.statusBlock}, ` +
          `the head: the node keeps no state at block ${chain.asOf.block}, ` +
          `and the round was ${chain.result === null ? "cancelled" : "finalized"} ` +
          "by then, after which its view no longer changes",
  },
  {
    id: "chain-events",
    label:
      "Every event matches the chain's (transaction, block, log index, data)",
    keys: EVENT_KEYS,
    passed: (chain) =>
      `${countEvents(chain)} events up to block ${chain.asOf.block}`,
  },
  {
    id: "chain-result",
    label: "The result matches the chain's RoundFinalized event",
    keys: ["result"],
    passed: (chain) =>
      chain.result === null
        ? `the round has no result on chain as of block ${chain.asOf.block}, nor in the record`
        : `RoundFinalized in block ${chain.result.block}, transaction ${chain.result.transactionHash}`,
  },
];

function countEvents(record: EvaluationRecord): number {
  return (
    1 +
    record.reissues.length +
    record.claims.length +
    record.recusals.length +
    record.commits.length +
    record.reveals.length +
    (record.closing === null ? 0 : 1) +
    (record.result === null ? 0 : 1) +
    (record.cancellation === null ? 0 : 1)
  );
}

/**
 * Compares `record` with `chain`, the record of the same round that
 * `fetchRoundRecord` read at `record.asOf.block`. Every part of the record
 * is compared, and each difference names the first differing field of that
 * part, e.g. `claims[1].device`.
 */
export function compareRecordWithChain(
  record: EvaluationRecord,
  chain: EvaluationRecord,
  options: CompareOptions = {},
): ChainCheck[] {
  return SECTIONS.map((section) => {
    const problems: string[] = [];
    for (const key of section.keys) {
      const difference =
        missingEvent(key, record[key], chain[key]) ??
        firstDifference(record[key], chain[key], key);
      if (difference !== undefined) problems.push(difference);
    }
    const ok = problems.length === 0;
    return {
      id: section.id,
      label: section.label,
      outcome: ok ? "passed" : "failed",
      ok,
      detail: ok ? section.passed(chain, options) : problems.join("; "),
      problems,
    };
  });
}

/** The event a list of the record holds, for "the chain has a commit …". */
const EVENT_NOUNS: Partial<Record<keyof EvaluationRecord, string>> = {
  reissues: "reissue",
  claims: "claim",
  recusals: "recusal",
  commits: "commit",
  reveals: "reveal",
};

type EventIdentity = {
  block: number;
  logIndex: number;
  transactionHash: string;
  seat?: number;
};

/**
 * When an event list of the record and the chain differ in length, names
 * the first event, in chain order, that one side has and the other lacks,
 * by its transaction hash and log index. Comparing the lists field by
 * field would instead report every later event as shifted by one.
 */
function missingEvent(
  key: keyof EvaluationRecord,
  recorded: unknown,
  onChain: unknown,
): string | undefined {
  const noun = EVENT_NOUNS[key];
  if (noun === undefined || !Array.isArray(recorded) || !Array.isArray(onChain))
    return undefined;
  if (recorded.length === onChain.length) return undefined;
  const identity = (event: EventIdentity) =>
    `${String(event.transactionHash).toLowerCase()}:${event.logIndex}`;
  const inRecord = new Set((recorded as EventIdentity[]).map(identity));
  const inChain = new Set((onChain as EventIdentity[]).map(identity));
  const lacking = [
    ...(onChain as EventIdentity[])
      .filter((event) => !inRecord.has(identity(event)))
      .map((event) => ({ event, holder: "chain", lacker: "record" })),
    ...(recorded as EventIdentity[])
      .filter((event) => !inChain.has(identity(event)))
      .map((event) => ({ event, holder: "record", lacker: "chain" })),
  ].sort(
    (a, b) =>
      a.event.block - b.event.block || a.event.logIndex - b.event.logIndex,
  );
  const first = lacking[0];
  if (first === undefined) return undefined;
  const { event, holder, lacker } = first;
  const seat =
    typeof event.seat === "number" ? ` of seat ${event.seat + 1}` : "";
  return (
    `${key}: the ${holder} has a ${noun}${seat} in block ${event.block} ` +
    `(tx ${event.transactionHash}, log ${event.logIndex}) that the ` +
    `${lacker} lacks`
  );
}

/**
 * Returns "path: the record has X, the chain has Y" for the first field,
 * in document order, where `recorded` and `onChain` differ.
 */
export function firstDifference(
  recorded: unknown,
  onChain: unknown,
  path: string,
): string | undefined {
  if (Array.isArray(recorded) && Array.isArray(onChain)) {
    const shared = Math.min(recorded.length, onChain.length);
    for (let index = 0; index < shared; index++) {
      const inner = firstDifference(
        recorded[index],
        onChain[index],
        `${path}[${index}]`,
      );
      if (inner !== undefined) return inner;
    }
    if (recorded.length === onChain.length) return undefined;
    return (
      `${path}: the record has ${recorded.length} entries, ` +
      `the chain has ${onChain.length}`
    );
  }
  if (isObject(recorded) && isObject(onChain)) {
    const keys = [
      ...new Set([...Object.keys(onChain), ...Object.keys(recorded)]),
    ];
    for (const key of keys) {
      const inner = firstDifference(
        recorded[key],
        onChain[key],
        `${path}.${key}`,
      );
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  if (Object.is(recorded, onChain)) return undefined;
  if (typeof recorded === "string" && typeof onChain === "string") {
    // Addresses and hashes are compared without their letter case.
    if (
      /^0x/i.test(recorded) &&
      recorded.toLowerCase() === onChain.toLowerCase()
    ) {
      return undefined;
    }
  }
  return `${path}: the record has ${show(recorded)}, the chain has ${show(onChain)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Maximum length of a value shown in a difference. */
const MAX_SHOWN = 80;

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN)}…`;
}
