// Builds the drill's malformed round files: simple mutations, wrong
// choices, cross-field mistakes, and files with several mistakes at once.
import { formatPath } from "../../../core/index.ts";
import { seededRandom } from "../../../bench/case-generator.ts";
import {
  baseRounds,
  pick,
  SIMPLE_MUTATORS,
  type Json,
  type MalformedFile,
  type Mutator,
  type Path,
} from "./round-mutations.ts";

const invalidChoice: Mutator = (round, random) => {
  const choices: [Path, string][] = [
    [["rules", "trim"], pick(["high-low", "HIGH-LOW-TOTAL", "median"], random)],
    [["rules", "technicalScoring"], pick(["relative", "Absolute"], random)],
    [["rules", "priceFormula"], pick(["lowest", "kr_negotiated"], random)],
    [["rules", "tieBreak", 0], pick(["coin", "random", "price"], random)],
    [
      ["criteria", Math.floor(random() * round.criteria.length), "kind"],
      pick(["qualitive", "quantity", ""], random),
    ],
  ];
  const [path, value] = pick(choices, random);
  const parent = path
    .slice(0, -1)
    .reduce((node: Json, key) => node[key], round);
  parent[path[path.length - 1]] = value;
  return { description: `${formatPath(path)} = "${value}"`, path };
};

/** Cross-field mistakes: each changes the round and names the path. */
const CROSS_FIELD: ((round: Json, random: () => number) => Path | undefined)[] =
  [
    (round) => {
      if (round.rules.trim === "none") return undefined;
      round.evaluators = 2;
      return ["rules", "trim"];
    },
    (round) => {
      round.rules.minEvaluators = round.evaluators + 1;
      return ["rules", "minEvaluators"];
    },
    (round) => {
      round.rules.tieBreak = ["technical", "technical"];
      return ["rules", "tieBreak", 1];
    },
    (round) => {
      round.rules.tieBreak = [
        "technical",
        "largest-criterion",
        "lottery",
        "technical",
      ];
      return ["rules", "tieBreak"];
    },
    (round) => {
      if (round.rules.priceFormula === "kr-negotiated") return undefined;
      round.rules.estimatedPrice = "400000000";
      return ["rules", "estimatedPrice"];
    },
    (round, random) => {
      if (round.rules.priceFormula === "given") return undefined;
      const index = Math.floor(random() * round.bidders.length);
      round.bidders[index].priceScore = 10;
      return ["bidders", index, "priceScore"];
    },
    (round, random) => {
      if (round.rules.priceFormula !== "given") return undefined;
      const index = Math.floor(random() * round.bidders.length);
      round.bidders[index].bidPrice = "100000000";
      return ["bidders", index, "bidPrice"];
    },
    (round, random) => {
      const index = Math.floor(random() * round.bidders.length);
      round.bidders[index].quantitativeScores = [1, 2];
      return ["bidders", index, "quantitativeScores"];
    },
    (round, random) => {
      const quantitative = round.criteria.findIndex(
        (criterion: Json) => criterion.kind === "quantitative",
      );
      if (quantitative === -1) return undefined;
      const index = Math.floor(random() * round.bidders.length);
      round.bidders[index].quantitativeScores = [
        round.criteria[quantitative].maxPoints + 1,
      ];
      return ["bidders", index, "quantitativeScores", 0];
    },
    (round) => {
      round.criteria.forEach(
        (criterion: Json) => (criterion.kind = "quantitative"),
      );
      return ["criteria"];
    },
    (round) => {
      round.criteria = [];
      return ["criteria"];
    },
    (round) => {
      round.bidders = [];
      return ["bidders"];
    },
    (round) => {
      round.title = "   ";
      return ["title"];
    },
    (round) => {
      round.schedule.revealDeadline = round.schedule.scoringDeadline;
      return ["schedule", "revealDeadline"];
    },
    (round, random) => {
      round.schedule.scoringDeadline = pick(
        [
          "2026-12-31T17:00:00",
          "2026-02-30T09:00:00+09:00",
          "31.12.2026 17:00",
          "2026-12-31T25:00:00Z",
        ],
        random,
      );
      return ["schedule", "scoringDeadline"];
    },
    (round, random) => {
      round.evaluators = pick([0, 65_536, 1e9], random);
      return ["evaluators"];
    },
    (round, random) => {
      const index = Math.floor(random() * round.criteria.length);
      round.criteria[index].maxPoints = 700;
      return ["criteria", index, "maxPoints"];
    },
    (round) => {
      round.rules.qualifyingPercent = 101;
      return ["rules", "qualifyingPercent"];
    },
  ];

const crossField: Mutator = (round, random) => {
  const path = pick(CROSS_FIELD, random)(round, random);
  return path === undefined
    ? undefined
    : { description: `set up ${formatPath(path)} wrongly`, path };
};

const MUTATORS: Record<string, Mutator> = {
  ...SIMPLE_MUTATORS,
  "invalid choice": invalidChoice,
  "cross-field mistake": crossField,
};
const KINDS = [...Object.keys(MUTATORS), "several mistakes"];

/** Applies one mutator of `kind` to a copy of a base round; retries until one applies. */
function mutate(kind: string, bases: Json[], random: () => number) {
  for (;;) {
    const round = structuredClone(pick(bases, random));
    const kinds =
      kind === "several mistakes"
        ? [0, 1, 2].map(() => pick(Object.keys(MUTATORS), random))
        : [kind];
    let applied;
    try {
      applied = kinds.map((name) => MUTATORS[name](round, random));
    } catch (error) {
      // A later mistake needed a field that an earlier one removed.
      if (error instanceof TypeError) continue;
      throw error;
    }
    if (applied.some((mutation) => mutation === undefined)) continue;
    return {
      round,
      description: applied.map((mutation) => mutation!.description).join("; "),
      expectedPaths: applied.map((mutation) => formatPath(mutation!.path)),
    };
  }
}

/**
 * Returns `count` malformed round files, spread evenly over the kinds of
 * mistake, the same files for the same seed.
 */
export function makeMalformedFiles(
  count: number,
  seed: number,
): MalformedFile[] {
  const random = seededRandom(seed);
  const bases = baseRounds();
  return Array.from({ length: count }, (_, index) => {
    const kind = KINDS[index % KINDS.length];
    const { round, description, expectedPaths } = mutate(kind, bases, random);
    return {
      kind,
      description,
      text: JSON.stringify(round, null, 2),
      expectedPaths,
    };
  });
}

export { baseRounds };
