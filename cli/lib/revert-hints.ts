import { keccak256, stringToHex, zeroHash } from "viem";

import { ROUND_PHASES, SEAT_STATES } from "../../core/enums.ts";
import { formatTime } from "../output/time.ts";

/** A plain explanation of a registry custom error and what to do about it. */
export interface RevertExplanation {
  explanation: string;
  hint: string | undefined;
}

type Explain = (args: readonly unknown[]) => RevertExplanation;

const phase = (code: unknown) => ROUND_PHASES[Number(code)] ?? `#${code}`;
const seatState = (code: unknown) => SEAT_STATES[Number(code)] ?? `#${code}`;
const points = (hundredths: unknown) => (Number(hundredths) / 100).toString();
const time = (seconds: unknown) => formatTime(BigInt(seconds as bigint));

const ROLE_NAMES: Record<string, string> = {
  [zeroHash]: "DEFAULT_ADMIN_ROLE",
  [keccak256(stringToHex("ROUND_ADMIN_ROLE"))]: "ROUND_ADMIN_ROLE",
};
const role = (hash: unknown) => ROLE_NAMES[String(hash)] ?? String(hash);

const ROUND_FILE_HINT =
  "Check the round file with `jurybox round create FILE`, which lists " +
  "every invalid field before sending.";

const EXPLANATIONS: Record<string, Explain> = {
  AccessControlUnauthorizedAccount: ([account, neededRole]) => ({
    explanation: `Account ${account} does not hold ${role(neededRole)}.`,
    hint:
      "Use the registry's admin key (--admin-key-file), or ask its admin " +
      "to run `jurybox grant-admin ADDRESS` for this account.",
  }),
  RegistryNotRoundAdmin: ([roundId, account]) => ({
    explanation: `Account ${account} is not the administrator of round ${roundId}.`,
    hint: "Use the key of the account that created the round.",
  }),
  RegistryUnknownRound: ([roundId]) => ({
    explanation: `No round has the id ${roundId}.`,
    hint: "Round ids start at 1; check the id with `jurybox round status`.",
  }),
  RegistryRoundNotInPhase: ([roundId, current, required]) => ({
    explanation:
      `Round ${roundId} is ${phase(current)}, but this action needs it ` +
      `to be ${phase(required)}.`,
    hint: "Check the round with `jurybox round status ID`.",
  }),
  RegistryRoundEnded: ([roundId, current]) => ({
    explanation: `Round ${roundId} has already ended (${phase(current)}).`,
    hint: undefined,
  }),
  RegistryDeadlinePassed: ([roundId, deadline, now]) => ({
    explanation:
      `The deadline of round ${roundId} (${time(deadline)}) passed; the ` +
      `chain time is ${time(now)}.`,
    hint: "Actions that need the deadline ahead can no longer be taken.",
  }),
  RegistryDeadlineNotReached: ([roundId, deadline, now]) => ({
    explanation:
      `Round ${roundId} must wait for its deadline (${time(deadline)}); the ` +
      `chain time is ${time(now)}.`,
    hint: "Run the action again after the deadline.",
  }),
  RegistryQuorumNotMet: ([roundId, count, minimum]) => ({
    explanation:
      `Round ${roundId} has ${count} sheets, fewer than its minimum of ` +
      `${minimum} evaluators.`,
    hint: "Wait for more sheets, or cancel the round.",
  }),
  RegistryUnknownSeat: ([roundId, seat, seats]) => ({
    explanation: `Round ${roundId} has ${seats} seats, so seat ${seat} does not exist.`,
    hint: "Seats are numbered from 0.",
  }),
  RegistrySeatStateNotAllowed: ([roundId, seat, state]) => ({
    explanation: `Seat ${seat} of round ${roundId} is ${seatState(state)}, which does not allow this action.`,
    hint: "Check the seat with `jurybox round status ID`.",
  }),
  RegistryInviteUsed: ([roundId, seat, invite]) => ({
    explanation: `The invite ${invite} for seat ${seat} of round ${roundId} was already used or replaced.`,
    hint: "Ask the round administrator to reissue the seat.",
  }),
  RegistryInviteMismatch: ([roundId, seat, signer, invite]) => ({
    explanation: `The claim for seat ${seat} of round ${roundId} was signed by ${signer}, not by the seat's invite ${invite}.`,
    hint: "Use the invite URL printed for that seat.",
  }),
  RegistryDeviceMismatch: ([roundId, seat, signer, device]) => ({
    explanation: `The message for seat ${seat} of round ${roundId} was signed by ${signer}, not by the seat's device ${device}.`,
    hint: "Sign with the device key that claimed the seat.",
  }),
  RegistryCommitmentMismatch: ([roundId, seat]) => ({
    explanation: `The revealed sheet of seat ${seat} in round ${roundId} does not open its commitment.`,
    hint: "Reveal the exact scores, comments and salt of the latest commit.",
  }),
  RegistryScoreAboveMax: ([roundId, seat, index, score, max]) => ({
    explanation: `Score ${index} of seat ${seat} in round ${roundId} is ${points(score)}, above the maximum of ${points(max)}.`,
    hint: undefined,
  }),
  RegistryMaxPointsSumMismatch: ([sum, weight]) => ({
    explanation: `The criterion maxima add up to ${points(sum)}, not the technical weight ${points(weight)}.`,
    hint: ROUND_FILE_HINT,
  }),
  RegistryInvalidDeadlines: ([scoring, reveal, now]) => ({
    explanation:
      `The scoring deadline ${time(scoring)} must lie after the chain time ` +
      `${time(now)}, and the reveal deadline ${time(reveal)} after it.`,
    hint: "Set schedule.scoringDeadline to a time in the future.",
  }),
  RegistryDuplicateBidderName: ([first, second]) => ({
    explanation: `Bidders ${first} and ${second} have the same name.`,
    hint: ROUND_FILE_HINT,
  }),
  RegistryInvalidInvite: ([roundId, seat, invite]) => ({
    explanation: `The invite ${invite} for seat ${seat} of round ${roundId} is zero, already spent or given to two seats.`,
    hint: "Generate a fresh invite key for every seat.",
  }),
  RegistryZeroCommitment: ([roundId, seat]) => ({
    explanation: `The commitment for seat ${seat} of round ${roundId} is zero.`,
    hint: "Compute the commitment from the scores, comments and a salt.",
  }),
  RegistryInvalidEscrow: ([roundId, seat, length, version]) => ({
    explanation: `The escrow blob of seat ${seat} in round ${roundId} (${length} bytes, version ${version}) is malformed.`,
    hint: "Encrypt the sheet with the round's escrow public key.",
  }),
  RegistryEmptyReason: ([roundId]) => ({
    explanation: `A recusal or cancellation of round ${roundId} needs a reason.`,
    hint: "Give a non-empty reason.",
  }),
  RegistryScoreCountMismatch: ([roundId, seat, count, expected]) => ({
    explanation: `The sheet of seat ${seat} in round ${roundId} has ${count} scores, not ${expected}.`,
    hint: "Give one score per bidder and qualitative criterion.",
  }),
  RegistryCommentCountMismatch: ([roundId, seat, count, expected]) => ({
    explanation: `The sheet of seat ${seat} in round ${roundId} has ${count} comments, not ${expected}.`,
    hint: 'Give one comment per bidder; "" is allowed.',
  }),
};

/** Round-parameter errors that the round file schema also reports. */
const ROUND_PARAMETER_ERRORS = new Set([
  "RegistryInvalidCriterionCount",
  "RegistryNoQualitativeCriterion",
  "RegistryZeroMaxPoints",
  "RegistryInvalidBidderCount",
  "RegistryInvalidSeatCount",
  "RegistryInvalidTrim",
  "RegistryInvalidTechnicalScoring",
  "RegistryInvalidPriceFormula",
  "RegistryInvalidQualifyingPercent",
  "RegistryInvalidTieBreak",
  "RegistryZeroTechnicalWeight",
  "RegistryInvalidMinEvaluators",
  "RegistryInvalidEscrowKey",
  "RegistryQuantitativeScoreCountMismatch",
  "RegistryQuantitativeScoreAboveMax",
  "RegistryMissingBidPrice",
  "RegistryUnexpectedBidPrice",
  "RegistryUnexpectedPriceScore",
  "RegistryPriceScoreAboveWeight",
  "RegistryMissingEstimatedPrice",
  "RegistryUnexpectedEstimatedPrice",
]);

/** Explains a decoded registry error in plain words. */
export function explainRevert(
  errorName: string,
  args: readonly unknown[],
): RevertExplanation {
  const explain = EXPLANATIONS[errorName];
  if (explain) return explain(args);
  if (ROUND_PARAMETER_ERRORS.has(errorName)) {
    return {
      explanation: "The round parameters break a registry rule.",
      hint: ROUND_FILE_HINT,
    };
  }
  return {
    explanation: "The registry rejected the call.",
    hint: "See contracts/interfaces/IEvaluationRegistry.sol for this error.",
  };
}
