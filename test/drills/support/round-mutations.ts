// Malformed round files made from valid ones: each mutation breaks one
// rule of the round file format and names the field path that an error
// must point at.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { seededRandom } from "../../../bench/case-generator.ts";
import { PROJECT_ROOT } from "../../../cli/lib/project.ts";
import { formatPath } from "../../../core/index.ts";

type Json = any;
type Path = (string | number)[];

/** One malformed file and the paths an error must name (any one of them). */
export interface MalformedFile {
  kind: string;
  description: string;
  text: string;
  expectedPaths: string[];
}

type Random = () => number;
type Mutation = { description: string; path: Path };
type Mutator = (round: Json, random: Random) => Mutation | undefined;

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

function parentOf(round: Json, path: Path): Json {
  return path.slice(0, -1).reduce((node, key) => node?.[key], round);
}

function valueAt(round: Json, path: Path): Json {
  return path.reduce((node, key) => node?.[key], round);
}

function setAt(round: Json, path: Path, value: unknown): void {
  parentOf(round, path)[path[path.length - 1]] = value;
}

/** Formats UTC seconds as a date-time in KST. */
function kst(seconds: number): string {
  const shifted = new Date((seconds + 9 * 3600) * 1000).toISOString();
  return shifted.replace(/\.\d{3}Z$/, "+09:00");
}

/**
 * Returns the valid round files that the mutations start from: the demo
 * round (kr-negotiated), one with lowest-over-bid and a quantitative
 * criterion, and one with given price scores and relative-to-best scoring.
 */
export function baseRounds(): Json[] {
  const demo = JSON.parse(
    readFileSync(join(PROJECT_ROOT, "examples", "demo-round.json"), "utf8"),
  );
  const inTwoDays = Math.floor(Date.now() / 60_000) * 60 + 48 * 3600;
  demo.schedule.scoringDeadline = kst(inTwoDays);

  const quantitative = structuredClone(demo);
  quantitative.rules.priceFormula = "lowest-over-bid";
  delete quantitative.rules.estimatedPrice;
  quantitative.criteria[4].kind = "quantitative";
  quantitative.bidders.forEach((bidder: Json, index: number) => {
    bidder.quantitativeScores = [10 + index * 0.25];
  });
  quantitative.schedule.revealDeadline = kst(inTwoDays + 86_400);

  const given = structuredClone(demo);
  given.rules.priceFormula = "given";
  given.rules.technicalScoring = "relative-to-best";
  given.rules.trim = "none";
  given.rules.minEvaluators = 3;
  delete given.rules.estimatedPrice;
  given.bidders.forEach((bidder: Json, index: number) => {
    delete bidder.bidPrice;
    bidder.priceScore = 12.5 + index * 1.125;
  });
  return [demo, quantitative, given];
}

/** Paths of every field whose value is a number, text, list or object. */
function leaves(round: Json, test: (value: Json) => boolean): Path[] {
  const found: Path[] = [];
  const walk = (node: Json, path: Path) => {
    if (path.length > 0 && test(node)) found.push(path);
    if (node !== null && typeof node === "object") {
      for (const key of Object.keys(node)) {
        walk(node[key], [...path, Array.isArray(node) ? Number(key) : key]);
      }
    }
  };
  walk(round, []);
  return found;
}

function requiredPaths(round: Json): Path[] {
  const paths: Path[] = [
    ["title"],
    ["reference"],
    ["rules"],
    ["criteria"],
    ["bidders"],
    ["evaluators"],
    ["schedule"],
    ["schedule", "scoringDeadline"],
    ...["version", "technicalWeight", "priceWeight", "technicalScoring"].map(
      (key) => ["rules", key],
    ),
    ...["priceFormula", "qualifyingPercent", "tieBreak"].map((key) => [
      "rules",
      key,
    ]),
  ];
  if (round.rules.estimatedPrice !== undefined) {
    paths.push(["rules", "estimatedPrice"]);
  }
  round.criteria.forEach((_criterion: Json, index: number) => {
    for (const key of ["name", "maxPoints", "kind"]) {
      paths.push(["criteria", index, key]);
    }
  });
  round.bidders.forEach((bidder: Json, index: number) => {
    for (const key of [
      "name",
      "bidPrice",
      "priceScore",
      "quantitativeScores",
    ]) {
      if (bidder[key] !== undefined) paths.push(["bidders", index, key]);
    }
  });
  return paths;
}

const removeRequired: Mutator = (round, random) => {
  const path = pick(requiredPaths(round), random);
  delete parentOf(round, path)[path[path.length - 1]];
  return { description: `removed ${formatPath(path)}`, path };
};

function otherType(value: Json, random: Random): Json {
  if (typeof value === "number")
    return pick([String(value), true, null], random);
  if (typeof value === "string")
    return pick([42, false, null, [value]], random);
  if (Array.isArray(value)) return pick([{}, "list", 3, null], random);
  return pick([[], "object", 7, null], random);
}

const wrongType: Mutator = (round, random) => {
  const path = pick(
    leaves(round, () => true),
    random,
  );
  const value = otherType(valueAt(round, path), random);
  setAt(round, path, value);
  return {
    description: `${formatPath(path)} = ${JSON.stringify(value)}`,
    path,
  };
};

const NUMERIC = (value: Json) => typeof value === "number";

const negative: Mutator = (round, random) => {
  const path = pick(leaves(round, NUMERIC), random);
  const value = -Math.ceil(random() * 100);
  setAt(round, path, value);
  return { description: `${formatPath(path)} = ${value}`, path };
};

const INTEGER_FIELDS = ["qualifyingPercent", "minEvaluators", "evaluators"];

const tooManyDecimals: Mutator = (round, random) => {
  const path = pick(leaves(round, NUMERIC), random);
  const last = String(path[path.length - 1]);
  const old = valueAt(round, path) as number;
  const step = 1 + Math.floor(random() * 9);
  let value: number;
  if (INTEGER_FIELDS.includes(last)) value = old + 0.5;
  else if (last === "priceScore")
    value = Number((old + step / 100_000).toFixed(5));
  else value = Number((old + step / 1000).toFixed(3));
  setAt(round, path, value);
  return { description: `${formatPath(path)} = ${value}`, path };
};

const BAD_MONEY = [
  "12.5",
  "-100",
  "1e9",
  "abc",
  "",
  " 100",
  "0",
  "100,000",
  "0x10",
  "340282366920938463463374607431768211456",
  "１００",
  "100 won",
];

const badMoney: Mutator = (round, random) => {
  const paths = leaves(round, () => true).filter((path) =>
    ["bidPrice", "estimatedPrice"].includes(String(path[path.length - 1])),
  );
  if (paths.length === 0) return undefined;
  const path = pick(paths, random);
  const value = pick(BAD_MONEY, random);
  setAt(round, path, value);
  return {
    description: `${formatPath(path)} = ${JSON.stringify(value)}`,
    path,
  };
};

const UNKNOWN_KEYS = [
  "colour",
  "Title",
  "maxpoints",
  "bidprice",
  "estimated_price",
  "notes",
  "weight",
  "constructor",
  "__proto__",
  "toString",
];

const unknownKey: Mutator = (round, random) => {
  const objects: Path[] = [
    [],
    ["rules"],
    ["schedule"],
    ...round.criteria.map((_c: Json, index: number) => ["criteria", index]),
    ...round.bidders.map((_b: Json, index: number) => ["bidders", index]),
  ];
  const parent = pick(objects, random);
  const key = pick(UNKNOWN_KEYS, random);
  // defineProperty makes "__proto__" an own key that JSON.stringify writes.
  Object.defineProperty(valueAt(round, parent) ?? round, key, {
    value: "x",
    enumerable: true,
    configurable: true,
    writable: true,
  });
  const path = [...parent, key];
  return { description: `added ${formatPath(path)}`, path };
};

const sumMismatch: Mutator = (round, random) => {
  if (round.rules.technicalScoring !== "absolute") return undefined;
  const index = Math.floor(random() * round.criteria.length);
  const change = pick([1, 2, 5, 0.5, -1, -0.25], random);
  round.criteria[index].maxPoints += change;
  return {
    description: `criteria[${index}].maxPoints ${change > 0 ? "+" : ""}${change}`,
    path: ["criteria"],
  };
};

const duplicateName: Mutator = (round, random) => {
  const first = Math.floor(random() * (round.bidders.length - 1));
  const second =
    first + 1 + Math.floor(random() * (round.bidders.length - first - 1));
  const name = round.bidders[first].name;
  round.bidders[second].name = random() < 0.5 ? name : ` ${name} `;
  return {
    description: `bidders[${second}].name repeats bidders[${first}]`,
    path: ["bidders", second, "name"],
  };
};

export { pick, setAt, valueAt, type Json, type Mutator, type Path };
export const SIMPLE_MUTATORS: Record<string, Mutator> = {
  "missing required key": removeRequired,
  "wrong type": wrongType,
  "negative number": negative,
  "too many decimals": tooManyDecimals,
  "bad money string": badMoney,
  "unknown key": unknownKey,
  "maxima not adding up": sumMismatch,
  "duplicate bidder name": duplicateName,
};
