import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the folder with package.json and hardhat.config.ts. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const HARDHAT_CONFIG_PATH = join(PROJECT_ROOT, "hardhat.config.ts");
