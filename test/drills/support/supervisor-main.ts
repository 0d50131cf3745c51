// Runs one chain supervisor as a process of its own, so that a drill can
// kill it with SIGKILL. Usage: node supervisor-main.ts '{"dataDir":…,"port":…}'.
// Prints one JSON line {"anvilPid":…} once the RPC server responds.
import {
  startChain,
  stopChainOnSignals,
  type StartChainOptions,
} from "../../../cli/chain/index.ts";

const options = JSON.parse(process.argv[2] ?? "{}") as StartChainOptions;
stopChainOnSignals();
const chain = await startChain(options);
console.log(JSON.stringify({ anvilPid: chain.pid }));
const exit = await chain.exited;
if (exit.reason === "failed") process.exit(1);
