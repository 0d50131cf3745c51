import type {
  HardhatEthers,
  HardhatEthersSigner,
} from "@nomicfoundation/hardhat-ethers/types";
import type {
  ContractTransactionReceipt,
  TypedDataDomain,
  Wallet,
} from "ethers";

import type { RoundParamsStruct } from "../../types/ethers-contracts/EvaluationRegistry.ts";
import type { EvaluationRegistry } from "../../types/ethers-contracts/index.ts";
import { planRound, randomSheet } from "./plan.ts";
import type { RoundOptions, RoundPlan, SeatKeys } from "./plan.ts";
import { commitmentOf, signClaim, signSheet } from "./signing.ts";
import type { Sheet } from "./signing.ts";

export * from "./plan.ts";
export * from "./signing.ts";

export interface Deployment {
  ethers: HardhatEthers;
  registry: EvaluationRegistry;
  tallyAddress: string;
  admin: HardhatEthersSigner;
  domain: TypedDataDomain;
}

/**
 * Deploys the Tally library from the second account and then the registry
 * from the default one, so that on a fresh network the registry is the
 * default account's first contract.
 */
export async function deployRegistry(
  ethers: HardhatEthers,
): Promise<Deployment> {
  const [admin, libraryDeployer] = await ethers.getSigners();
  const tally = await ethers.deployContract("Tally", libraryDeployer);
  const tallyAddress = await tally.getAddress();
  const registry = await ethers.deployContract(
    "EvaluationRegistry",
    [admin.address],
    { signer: admin, libraries: { Tally: tallyAddress } },
  );
  const { chainId } = await ethers.provider.getNetwork();
  const domain = {
    name: "Jurybox",
    version: "1",
    chainId,
    verifyingContract: await registry.getAddress(),
  };
  return { ethers, registry, tallyAddress, admin, domain };
}

export async function currentTime(ethers: HardhatEthers): Promise<bigint> {
  const block = await ethers.provider.getBlock("latest");
  if (block === null) throw new Error("The latest block is missing.");
  return BigInt(block.timestamp);
}

export async function createRound(
  deployment: Deployment,
  params: RoundParamsStruct,
): Promise<{ roundId: bigint; receipt: ContractTransactionReceipt }> {
  const receipt = await mined(deployment.registry.createRound(params));
  return { roundId: await deployment.registry.roundCount(), receipt };
}

/** Plans a round that starts now on chain and creates it. */
export async function openRound(
  deployment: Deployment,
  options: RoundOptions,
): Promise<{ roundId: bigint; plan: RoundPlan }> {
  const plan = planRound(options, await currentTime(deployment.ethers));
  const { roundId } = await createRound(deployment, plan.params);
  return { roundId, plan };
}

export async function claimSeat(
  deployment: Deployment,
  roundId: bigint,
  seat: number,
  keys: SeatKeys,
): Promise<ContractTransactionReceipt> {
  const claim = await signClaim(deployment.domain, roundId, seat, keys);
  return mined(
    deployment.registry.claimSeat(
      roundId,
      seat,
      claim.device,
      claim.pledgeHash,
      claim.inviteSig,
      claim.pledgeSig,
    ),
  );
}

export async function commitSheet(
  deployment: Deployment,
  roundId: bigint,
  seat: number,
  device: Wallet,
  sheet: Sheet,
  escrow = "0x",
): Promise<ContractTransactionReceipt> {
  const commitment = commitmentOf(roundId, seat, sheet);
  const signature = await signSheet(
    deployment.domain,
    device,
    roundId,
    seat,
    commitment,
  );
  return mined(
    deployment.registry.commitSheet(
      roundId,
      seat,
      commitment,
      signature,
      escrow,
    ),
  );
}

export function revealSheet(
  deployment: Deployment,
  roundId: bigint,
  seat: number,
  sheet: Sheet,
): Promise<ContractTransactionReceipt> {
  return mined(
    deployment.registry.revealSheet(
      roundId,
      seat,
      sheet.scores,
      sheet.comments,
      sheet.salt,
    ),
  );
}

/** Claims every seat and commits one random sheet per seat. */
export async function claimAndCommitAll(
  deployment: Deployment,
  roundId: bigint,
  plan: RoundPlan,
): Promise<Sheet[]> {
  const sheets: Sheet[] = [];
  for (let seat = 0; seat < plan.keys.length; seat++) {
    await claimSeat(deployment, roundId, seat, plan.keys[seat]);
  }
  for (let seat = 0; seat < plan.keys.length; seat++) {
    const sheet = randomSheet(plan);
    await commitSheet(deployment, roundId, seat, plan.keys[seat].device, sheet);
    sheets.push(sheet);
  }
  return sheets;
}

export async function mined(
  sent: Promise<{ wait(): Promise<ContractTransactionReceipt | null> }>,
): Promise<ContractTransactionReceipt> {
  const receipt = await (await sent).wait();
  if (receipt === null) throw new Error("The transaction was not mined.");
  return receipt;
}
