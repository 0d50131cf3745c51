import { BaseError, ContractFunctionRevertedError } from "viem";

import type { RegistrySession } from "./create-round.ts";
import { RoundNotFoundError } from "./errors.ts";
import { readRoundEvents } from "./round-events.ts";
import {
  buildRoundStatus,
  type RoundStatus,
  type RoundView,
  type SeatView,
} from "./round-state.ts";
import { registryAbi } from "./registry-abi.ts";

/** Reads a round's status from the registry's views and events. */
export async function readRoundStatus(
  session: RegistrySession,
  roundId: bigint,
): Promise<RoundStatus> {
  const { connection, registry } = session;
  const client = connection.client;

  let round: RoundView;
  try {
    round = (await client.readContract({
      address: registry,
      abi: registryAbi,
      functionName: "getRound",
      args: [roundId],
    })) as RoundView;
  } catch (error) {
    if (isUnknownRound(error)) throw new RoundNotFoundError(roundId, registry);
    throw error;
  }

  const seats = (await Promise.all(
    Array.from({ length: round.seats }, (_, seat) =>
      client.readContract({
        address: registry,
        abi: registryAbi,
        functionName: "getSeat",
        args: [roundId, seat],
      }),
    ),
  )) as SeatView[];
  const events = await readRoundEvents(connection, registry, roundId);
  return buildRoundStatus(roundId, round, seats, events);
}

/** Reads the number of rounds on the registry, which is the latest id. */
export async function readRoundCount(
  session: RegistrySession,
): Promise<bigint> {
  return (await session.connection.client.readContract({
    address: session.registry,
    abi: registryAbi,
    functionName: "roundCount",
  })) as bigint;
}

function isUnknownRound(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const reverted = error.walk(
    (inner) => inner instanceof ContractFunctionRevertedError,
  );
  return (
    reverted instanceof ContractFunctionRevertedError &&
    reverted.data?.errorName === "RegistryUnknownRound"
  );
}
