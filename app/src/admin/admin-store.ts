import type { Address, Hex } from "viem";

import { openIdbStore } from "../storage/kv.ts";
import { SealedStore } from "../storage/sealed.ts";

/** What the console keeps of a round it created: the secrets that never go on chain. */
export interface RoundSecrets {
  /**
   * Invite private keys by seat; a reissued seat's entry is replaced. Null
   * (or missing) for a seat whose key this browser never had, e.g. after a
   * reissue in a browser that did not create the round.
   */
  inviteKeys: (Hex | null)[];
  /** Missing when only the invite keys were imported. */
  escrowPrivateKey?: Hex;
  /** True once the administrator confirmed saving the escrow key elsewhere. */
  escrowSaved: boolean;
}

function registryKey(chainId: number, registry: Address): string {
  return `${chainId}:${registry.toLowerCase()}`;
}

/** Sealed admin records in this browser's IndexedDB. */
export class AdminStore {
  readonly #sealed: SealedStore;

  constructor(sealed: SealedStore) {
    this.#sealed = sealed;
  }

  static async open(): Promise<AdminStore> {
    return new AdminStore(await SealedStore.open(await openIdbStore()));
  }

  loadAdminKey(chainId: number, registry: Address): Promise<Hex | undefined> {
    return this.#sealed.get(`admin-key:${registryKey(chainId, registry)}`);
  }

  saveAdminKey(chainId: number, registry: Address, key: Hex): Promise<void> {
    return this.#sealed.put(`admin-key:${registryKey(chainId, registry)}`, key);
  }

  deleteAdminKey(chainId: number, registry: Address): Promise<void> {
    return this.#sealed.delete(`admin-key:${registryKey(chainId, registry)}`);
  }

  loadSecrets(
    chainId: number,
    registry: Address,
    roundId: bigint,
  ): Promise<RoundSecrets | undefined> {
    return this.#sealed.get(
      `round-secrets:${registryKey(chainId, registry)}:${roundId}`,
    );
  }

  saveSecrets(
    chainId: number,
    registry: Address,
    roundId: bigint,
    secrets: RoundSecrets,
  ): Promise<void> {
    return this.#sealed.put(
      `round-secrets:${registryKey(chainId, registry)}:${roundId}`,
      secrets,
    );
  }
}
