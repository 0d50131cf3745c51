import { DEFAULT_RPC_URL } from "../lib/options.ts";

/** Report of `up` once the chain, the registry and the demo round are ready. */
export interface UpSummary {
  rpcUrl: string;
  chainId: number;
  registry: string;
  /** Rounds on the registry, the demo round included. */
  rounds: number;
  demoRoundId: string | null;
  demoRoundCreated: boolean;
  /** The demo round, else the latest round; null on an empty registry. */
  shownRoundId: string | null;
  /** Relative path of the shown round's invites, when this folder has them. */
  invitesFile: string | null;
  /** The web app's origin, once its server runs. */
  appUrl?: string;
  /** The indexer's GraphQL endpoint, or null when it did not start. */
  graphqlUrl?: string | null;
  /** The one-time link that signs the admin console in with the local key. */
  adminSignInUrl?: string | null;
}

/** Renders the "what to do next" text that `up` prints. */
export function renderUpSummary(summary: UpSummary): string {
  const round = summary.shownRoundId;
  const rpc =
    summary.rpcUrl === DEFAULT_RPC_URL ? "" : ` --rpc ${summary.rpcUrl}`;
  const lines = [
    "",
    "Jurybox is running.",
    `  RPC URL    ${summary.rpcUrl} (chain id ${summary.chainId}, zero gas)`,
    `  registry   ${summary.registry}`,
    `  rounds     ${summary.rounds}`,
  ];
  if (summary.appUrl) lines.push(`  web app    ${summary.appUrl}`);
  if (summary.graphqlUrl) lines.push(`  GraphQL    ${summary.graphqlUrl}`);
  if (summary.adminSignInUrl) {
    lines.push(
      `  console    ${summary.adminSignInUrl}`,
      "             (one-time sign-in link for the admin console; run",
      "             `npx jurybox admin-link` for another)",
    );
  }
  if (summary.demoRoundId !== null) {
    const state = summary.demoRoundCreated ? "created now" : "reused";
    lines.push(`  demo round ${summary.demoRoundId} (${state})`);
  }
  if (summary.invitesFile !== null) {
    lines.push(
      `  invites    ${summary.invitesFile}`,
      "             (one tablet URL per seat; the file is readable only by you)",
    );
  }

  lines.push("", "Try:");
  if (round !== null) lines.push(`  npx jurybox round status ${round}${rpc}`);
  lines.push(
    "  npx jurybox simulate test/vectors/case-psat-2023-q18.json --rpc " +
      summary.rpcUrl,
    `  npx jurybox round create examples/demo-round.json${rpc}`,
    `  npx jurybox grant-admin 0xADDRESS${rpc}`,
    "",
    "Press Ctrl-C to stop; the chain state is saved and reused on the next start.",
  );
  return lines.join("\n");
}
