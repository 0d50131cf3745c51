import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

// The compiler comes from the solc npm package and runs as WASM, so a build
// never downloads a compiler. The version must equal the package version.
const SOLC_VERSION = "0.8.28";

// The in-process zero-fee chain used by tests and by `jurybox simulate`. It
// is both the default network (what `network.connect()` opens) and the one
// named "hardhat", so tests get chain id 1337 and a zero base fee either way.
const inProcessChain = {
  type: "edr-simulated",
  chainType: "l1",
  chainId: 1337,
  hardfork: "cancun",
  initialBaseFeePerGas: 0,
  gasPrice: 0,
  blockGasLimit: 30_000_000n,
  allowUnlimitedContractSize: false,
} as const;

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    version: SOLC_VERSION,
    path: require.resolve("solc/soljson.js"),
    settings: {
      evmVersion: "cancun",
      optimizer: { enabled: true, runs: 200 },
      viaIR: false,
    },
  },
  paths: {
    tests: { mocha: "test/contracts", solidity: "test/solidity" },
  },
  typechain: { outDir: "types/ethers-contracts" },
  // QBFT blocks are final when mined, so one confirmation is enough.
  ignition: { requiredConfirmations: 1 },
  networks: {
    default: inProcessChain,
    hardhat: inProcessChain,
    // The embedded chain that `npm start` supervises on 127.0.0.1:8545.
    localhost: {
      type: "http",
      chainType: "l1",
      url: "http://127.0.0.1:8545",
      gasPrice: 0,
    },
    besu: {
      type: "http",
      chainType: "l1",
      url: configVariable("BESU_RPC_URL"),
      accounts: [configVariable("BESU_DEPLOYER_KEY")],
      gasPrice: 0,
      // A zero fee cannot be raised by 10%, so replacing a stuck deployment
      // transaction with a higher fee can never work on a zero-fee network.
      ignition: { disableFeeBumping: true },
    },
  },
});
