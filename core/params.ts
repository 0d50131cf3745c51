import { isAddress } from "viem";
import type { AbiParameterToPrimitiveType, Address, Hex } from "viem";
import {
  PRICE_FORMULAS,
  TECHNICAL_SCORINGS,
  TIE_BREAKS,
  TRIMS,
  codeOf,
} from "./enums.ts";
import { RoundParamsError } from "./errors.ts";
import { assertEscrowPublicKey } from "./escrow.ts";
import { roundParamsAbiParameter } from "./params-abi.ts";
import { parseDateTime } from "./schema/fields.ts";
import type { RoundDefinition } from "./schema/round.ts";
import type { TallyInput } from "./tally-input.ts";
import { toHundredths, toTenThousandths } from "./units.ts";

export {
  bidderResultAbiParameter,
  roundParamsAbiParameter,
} from "./params-abi.ts";

/** The `RoundParams` struct of `createRound`, as viem encodes it. */
export type RoundParams = AbiParameterToPrimitiveType<
  typeof roundParamsAbiParameter
>;
/** The part of `RoundParams` that the tally reads. */
export type RoundSpec = Pick<RoundParams, "rules" | "criteria" | "bidders">;

/** Scoring window when a case file has no scoring deadline: one hour. */
export const DEFAULT_SCORING_WINDOW_SECONDS = 60 * 60;
/** Time between the scoring and the reveal deadline unless set: 24 hours. */
export const DEFAULT_REVEAL_WINDOW_SECONDS = 24 * 60 * 60;

/** Converts the rules, criteria and bidders of a round to on-chain units. */
export function toRoundSpec(round: RoundDefinition): RoundSpec {
  const { rules } = round;
  const isGiven = rules.priceFormula === "given";
  return {
    rules: {
      version: rules.version,
      trim: codeOf(TRIMS, rules.trim),
      technicalScoring: codeOf(TECHNICAL_SCORINGS, rules.technicalScoring),
      priceFormula: codeOf(PRICE_FORMULAS, rules.priceFormula),
      qualifyingPercent: rules.qualifyingPercent,
      minEvaluators: rules.minEvaluators,
      technicalWeight: toHundredths(rules.technicalWeight),
      priceWeight: toHundredths(rules.priceWeight),
      estimatedPrice: BigInt(rules.estimatedPrice ?? 0),
      tieBreak: rules.tieBreak.map((step) => codeOf(TIE_BREAKS, step)),
    },
    criteria: round.criteria.map((criterion) => ({
      name: criterion.name,
      maxPoints: toHundredths(criterion.maxPoints),
      quantitative: criterion.kind === "quantitative",
    })),
    bidders: round.bidders.map((bidder) => ({
      name: bidder.name,
      bidPrice: isGiven ? 0n : BigInt(bidder.bidPrice ?? 0),
      priceScore: isGiven
        ? Number(toTenThousandths(bidder.priceScore ?? 0))
        : 0,
      quantitativeScores: (bidder.quantitativeScores ?? []).map((points) =>
        toHundredths(points),
      ),
    })),
  };
}

/** Options of `toRoundParams`. */
export type RoundParamsOptions = {
  /** One invite address per seat, in seat order. */
  invites: readonly Address[];
  /** The round's escrow public key, 33 bytes compressed. */
  escrowPublicKey: Hex;
  /** The current time; deadlines must lie after it. Defaults to the clock. */
  now?: Date;
};

function deadlines(round: RoundDefinition, now: Date) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const scoringText = round.schedule?.scoringDeadline;
  const revealText = round.schedule?.revealDeadline;
  const scoring =
    scoringText === undefined
      ? nowSeconds + DEFAULT_SCORING_WINDOW_SECONDS
      : parseDateTime(scoringText)!;
  const reveal =
    revealText === undefined
      ? scoring + DEFAULT_REVEAL_WINDOW_SECONDS
      : parseDateTime(revealText)!;

  if (scoring <= nowSeconds) {
    throw new RoundParamsError(
      `The scoring deadline ${scoringText} has already passed.`,
      { hint: "Set schedule.scoringDeadline to a time in the future." },
    );
  }
  return { scoring: BigInt(scoring), reveal: BigInt(reveal) };
}

/**
 * Builds the `RoundParams` struct for `createRound` from a parsed round or
 * case file. Deadlines become UTC seconds; the reveal deadline defaults to
 * the scoring deadline plus 24 hours, and a case file without a scoring
 * deadline gets one hour from `now`.
 */
export function toRoundParams(
  round: RoundDefinition,
  options: RoundParamsOptions,
): RoundParams {
  if (options.invites.length !== round.evaluators) {
    throw new RoundParamsError(
      `There are ${options.invites.length} invite addresses for ${round.evaluators} evaluators.`,
      { hint: "Generate one invite key per evaluator seat." },
    );
  }
  const badInvite = options.invites.find((invite) => !isAddress(invite));
  if (badInvite !== undefined) {
    throw new RoundParamsError(`Invite ${badInvite} is not an address.`, {
      hint: "Use the address of each seat's invite key.",
    });
  }
  assertEscrowPublicKey(options.escrowPublicKey);
  const { scoring, reveal } = deadlines(round, options.now ?? new Date());

  return {
    title: round.title,
    referenceNumber: round.reference,
    ...toRoundSpec(round),
    invites: [...options.invites],
    scoringDeadline: scoring,
    revealDeadline: reveal,
    escrowPublicKey: options.escrowPublicKey,
  };
}

/** The opened sheets and the seed that the tally needs besides the round. */
export type OpenedSheets = {
  /** Flat hundredths per opened seat, in seat order. */
  sheets: readonly (readonly number[])[];
  /** `lotterySeed()` over the opened seats' salts. */
  lotterySeed: Hex;
};

/** Builds the tally input from round parameters as stored on chain. */
export function tallyInputFromSpec(
  spec: RoundSpec,
  opened: OpenedSheets,
): TallyInput {
  const { rules, criteria, bidders } = spec;
  return {
    trim: rules.trim,
    technicalScoring: rules.technicalScoring,
    priceFormula: rules.priceFormula,
    qualifyingPercent: rules.qualifyingPercent,
    technicalWeight: rules.technicalWeight,
    priceWeight: rules.priceWeight,
    estimatedPrice: rules.estimatedPrice,
    tieBreak: [...rules.tieBreak],
    maxPoints: criteria.map((criterion) => criterion.maxPoints),
    quantitative: criteria.map((criterion) => criterion.quantitative),
    bidPrices: bidders.map((bidder) => bidder.bidPrice),
    givenPriceScores: bidders.map((bidder) => BigInt(bidder.priceScore)),
    quantitativeScores: bidders.map((bidder) => [...bidder.quantitativeScores]),
    sheets: opened.sheets.map((sheet) => [...sheet]),
    lotterySeed: opened.lotterySeed,
  };
}

/** Builds the tally input from a parsed round or case file. */
export function toTallyInput(
  round: RoundDefinition,
  opened: OpenedSheets,
): TallyInput {
  return tallyInputFromSpec(toRoundSpec(round), opened);
}
