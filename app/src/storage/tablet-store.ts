import type { Address, Hex } from "viem";

import type { StoredRound } from "../chain/round.ts";
import type { KeyValueStore } from "./kv.ts";
import { SealedStore } from "./sealed.ts";

/** The typed sheet: text per bidder and qualitative criterion, comment per bidder. */
export interface Draft {
  scores: string[][];
  comments: string[];
  updatedAt: number;
}

/** The tablet's hold on a seat: its device key and the invite's claim signature. */
export interface TabletSession {
  device: Address;
  devicePrivateKey: Hex;
  inviteAddress: Address;
  inviteSig: Hex;
  createdAt: number;
  /** The signed pledge, kept until the claim reaches the chain. */
  pledge?: { hash: Hex; sig: Hex; language: string };
}

/** One signed sheet with everything needed to commit it and later open it. */
export interface SheetSubmission {
  scores: number[];
  comments: string[];
  salt: Hex;
  commitment: Hex;
  sheetSig: Hex;
  escrow: Hex;
  signedAt: number;
}

/**
 * The tablet's signed sheets: `confirmed` is the one the chain holds,
 * `pending` a newer one still being sent. Once the pending one is on chain
 * it replaces the confirmed one, so only the latest salt is kept.
 */
export interface Submissions {
  confirmed?: SheetSubmission;
  pending?: SheetSubmission;
}

/** Sealed per-seat records of one tablet, kept in IndexedDB. */
export class TabletStore {
  readonly #sealed: SealedStore;

  private constructor(sealed: SealedStore) {
    this.#sealed = sealed;
  }

  static async open(store: KeyValueStore): Promise<TabletStore> {
    return new TabletStore(await SealedStore.open(store));
  }

  loadSession(seat: string): Promise<TabletSession | undefined> {
    return this.#sealed.get(`session:${seat}`);
  }

  saveSession(seat: string, session: TabletSession): Promise<void> {
    return this.#sealed.put(`session:${seat}`, session);
  }

  deleteSession(seat: string): Promise<void> {
    return this.#sealed.delete(`session:${seat}`);
  }

  /** The round as last read from the chain, so the sheet opens offline. */
  loadRound(round: string): Promise<StoredRound | undefined> {
    return this.#sealed.get(`round:${round}`);
  }

  saveRound(round: string, stored: StoredRound): Promise<void> {
    return this.#sealed.put(`round:${round}`, stored);
  }

  loadDraft(seat: string): Promise<Draft | undefined> {
    return this.#sealed.get(`draft:${seat}`);
  }

  saveDraft(seat: string, draft: Draft): Promise<void> {
    return this.#sealed.put(`draft:${seat}`, draft);
  }

  async loadSubmissions(seat: string): Promise<Submissions> {
    return (await this.#sealed.get<Submissions>(`sheet:${seat}`)) ?? {};
  }

  /** Forgets every signed sheet of the seat, e.g. when a new device key takes it over. */
  clearSubmissions(seat: string): Promise<void> {
    return this.#sealed.delete(`sheet:${seat}`);
  }

  /** Records a newly signed sheet; it waits as `pending` until the chain has it. */
  async savePending(seat: string, sheet: SheetSubmission): Promise<void> {
    const current = await this.loadSubmissions(seat);
    await this.#sealed.put(`sheet:${seat}`, { ...current, pending: sheet });
  }

  /**
   * Marks the sheet with `commitment` as the one on chain and forgets every
   * other, because only the latest commitment can be opened.
   */
  async confirm(seat: string, commitment: Hex): Promise<Submissions> {
    const current = await this.loadSubmissions(seat);
    const match = [current.pending, current.confirmed].find(
      (sheet) => sheet?.commitment.toLowerCase() === commitment.toLowerCase(),
    );
    if (!match) return current;
    const pendingIsNewer =
      current.pending && current.pending.commitment !== match.commitment;
    const next: Submissions = { confirmed: match };
    if (pendingIsNewer) next.pending = current.pending;
    await this.#sealed.put(`sheet:${seat}`, next);
    return next;
  }
}
