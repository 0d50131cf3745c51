import type { Hash, LocalAccount } from "viem";

import type { RegistrySession } from "../../../cli/lib/create-round.ts";
import { commitCall, type SignedCommit } from "./calls.ts";
import { readSeat, sleep } from "./rounds.ts";
import { prepareSigned } from "./senders.ts";

const SEAT_COMMITTED = 2;
/** Milliseconds between the tablet's looks at its seat. */
const POLL_MS = 250;
/** A commit not on chain this long after it was sent is sent again. */
const RESEND_AFTER_MS = 3000;

/**
 * Lets a drill hold every tablet between two steps of its loop, e.g. while
 * it restarts the chain and checks what survived.
 */
export class Gate {
  #closed = false;
  #parked = 0;
  #opened: (() => void)[] = [];

  /** Number of loops waiting at the gate. */
  get parked(): number {
    return this.#parked;
  }

  close(): void {
    this.#closed = true;
  }

  open(): void {
    this.#closed = false;
    for (const resume of this.#opened.splice(0)) resume();
  }

  /** Returns at once while open; waits for `open()` while closed. */
  async pass(): Promise<void> {
    if (!this.#closed) return;
    this.#parked += 1;
    await new Promise<void>((resolve) => this.#opened.push(resolve));
    this.#parked -= 1;
  }
}

/**
 * A tablet that keeps its signed commit and sends it until the chain
 * contains it, like the app's evaluator route. It reads its seat, and when
 * the seat lacks the commitment and the last send is older than 3 s, it
 * builds a new transaction from the same signed sheet with the pending
 * nonce. Network errors are counted and the loop goes on.
 */
export class ResendingTablet {
  readonly seat: number;
  readonly signed: SignedCommit;
  /** Every transaction sent, with the time it was sent (performance.now). */
  readonly sent: { hash: Hash; at: number }[] = [];
  errors = 0;
  /** performance.now() when the tablet saw its commit on chain. */
  confirmedAt?: number;
  #session: RegistrySession;
  #device: LocalAccount;

  constructor(
    session: RegistrySession,
    device: LocalAccount,
    signed: SignedCommit,
  ) {
    this.#session = session;
    this.#device = device;
    this.seat = signed.seat;
    this.signed = signed;
  }

  /** Sends the commit until the seat on chain has its commitment. */
  async run(gate: Gate): Promise<void> {
    for (;;) {
      await gate.pass();
      try {
        if (await this.#onChain()) {
          this.confirmedAt = performance.now();
          return;
        }
        const last = this.sent[this.sent.length - 1];
        if (
          last === undefined ||
          performance.now() - last.at > RESEND_AFTER_MS
        ) {
          await this.#send();
        }
      } catch {
        this.errors += 1;
      }
      await sleep(POLL_MS);
    }
  }

  async #onChain(): Promise<boolean> {
    const { roundId, seat, commitment } = this.signed;
    const stored = await readSeat(this.#session, roundId, seat);
    return stored.state === SEAT_COMMITTED && stored.commitment === commitment;
  }

  async #send(): Promise<void> {
    const transaction = await prepareSigned(
      this.#session,
      this.#device,
      commitCall(this.signed),
    );
    const at = performance.now();
    const hash = await this.#session.connection.client.sendRawTransaction({
      serializedTransaction: transaction,
    });
    this.sent.push({ hash, at });
  }
}
