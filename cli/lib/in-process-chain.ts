import type { Address, EIP1193Provider } from "viem";

import { connectProvider } from "./chain-client.ts";
import { compileIfMissing } from "./compile.ts";
import type { RegistrySession } from "./create-round.ts";
import { CliError } from "./errors.ts";
import { HARDHAT_CONFIG_PATH, PROJECT_ROOT } from "./project.ts";
import registryModule from "../../ignition/modules/EvaluationRegistry.ts";

export interface InProcessChain {
  session: RegistrySession;
  close: () => Promise<void>;
}

/**
 * Starts Hardhat's in-process EDR network (the config's `hardhat` network:
 * chain id 1337, zero base fee), compiles the contracts when their
 * artifacts are missing, and deploys a fresh registry with Ignition whose
 * admin is `admin`. Nothing outlives the process.
 */
export async function startInProcessChain(
  admin: Address,
  onProgress: (line: string) => void,
): Promise<InProcessChain> {
  const { createHardhatRuntimeEnvironment, importUserConfig } =
    await import("hardhat/hre");
  const userConfig = await importUserConfig(HARDHAT_CONFIG_PATH);
  const hre = await createHardhatRuntimeEnvironment(
    userConfig,
    { config: HARDHAT_CONFIG_PATH },
    PROJECT_ROOT,
  );

  await compileIfMissing(hre, onProgress);

  const connection = await hre.network.connect({ network: "hardhat" });
  let registry: Address;
  try {
    const deployed = await connection.ignition.deploy(registryModule, {
      parameters: { EvaluationRegistryModule: { admin } },
      displayUi: false,
    });
    registry = (await deployed.registry.getAddress()) as Address;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      "Deploying the registry on the in-process chain failed.",
      {
        details: [reason],
        hint: "Run `npx hardhat compile` and check the Ignition module.",
        cause: error,
      },
    );
  }

  const chain = await connectProvider(
    connection.provider as unknown as EIP1193Provider,
    "in-process Hardhat network",
  );
  return {
    session: { connection: chain, registry },
    close: () => connection.close(),
  };
}
