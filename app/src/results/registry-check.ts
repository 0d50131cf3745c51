import type { Address, PublicClient } from "viem";

import {
  checkRegistry as checkRegistryKind,
  isCallRejected,
  type RegistryKind,
} from "../../../core/registry-check.ts";
import { describeReadFailure } from "./read-failure.tsx";

/** The kind of contract at a link's registry address on the server's chain. */
export type RegistryCheck = RegistryKind;

/**
 * Checks that `registry` contains a Jurybox registry. viem reports the
 * /rpc proxy's 502 (JSON-RPC code -32603) like a revert, so a failure that
 * describeReadFailure counts as unreachable is thrown for a retry instead.
 */
export function checkRegistry(
  client: PublicClient,
  registry: Address,
): Promise<RegistryCheck> {
  return checkRegistryKind(
    client,
    registry,
    (error) => !describeReadFailure(error).unreachable && isCallRejected(error),
  );
}
