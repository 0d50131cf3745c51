import type { LocalAccount } from "viem";

import type { CaseFile } from "../../../core/index.ts";
import type { RegistrySession } from "../../../cli/lib/create-round.ts";
import { caseSheets, readCase, RoundDriver } from "./round-driver.ts";

export const RECUSAL_REASON = "I advised one of the bidders last year.";
export const CANCEL_REASON = "The budget was withdrawn.";

/**
 * Two rounds that together emit every registry event.
 * - Round A is the PSAT case with a sixth seat. Seat 1 is reissued and
 *   claimed again, and seat 2 re-commits. Seat 5 recuses, which closes
 *   scoring. The five sheets are revealed and the last reveal finalises.
 * - Round B is the UK case with three seats: one commit, then it is
 *   cancelled.
 * The steps come in three parts so that a test can stop an indexer
 * between them.
 */
export class Scenario {
  readonly psat: CaseFile;
  private readonly session: RegistrySession;
  private readonly admin: LocalAccount;
  roundA: RoundDriver | undefined;
  roundB: RoundDriver | undefined;

  private constructor(
    session: RegistrySession,
    admin: LocalAccount,
    psat: CaseFile,
  ) {
    this.session = session;
    this.admin = admin;
    this.psat = psat;
  }

  static async load(session: RegistrySession, admin: LocalAccount) {
    return new Scenario(session, admin, await readCase("case-psat-2023-q18"));
  }

  /** Creates both rounds, claims, reissues and commits part of the sheets. */
  async firstHalf(): Promise<void> {
    const sheets = caseSheets(this.psat);
    const a = await RoundDriver.create(this.session, this.admin, {
      ...this.psat,
      evaluators: 6,
    });
    this.roundA = a;
    for (let seat = 0; seat < 6; seat++) await a.claim(seat);
    await a.reissue(1);
    await a.claim(1);
    for (const seat of [0, 1, 2]) await a.commit(seat, sheets[seat]);
    // A re-commit of the same scores carries a new salt and commitment.
    await a.commit(2, sheets[2]);

    const uk = await readCase("case-uk-fe-80-20");
    const b = await RoundDriver.create(this.session, this.admin, {
      ...uk,
      evaluators: 3,
    });
    this.roundB = b;
    await b.claim(0);
    await b.commit(0, caseSheets(uk)[0]);
  }

  /** Commits the sheets of seats 3 and 4 of round A. */
  async commitRest(): Promise<void> {
    const sheets = caseSheets(this.psat);
    for (const seat of [3, 4]) await this.roundA!.commit(seat, sheets[seat]);
  }

  /**
   * Recuses seat 5 of A, which closes scoring, cancels B and reveals every
   * sheet of A. Returns the block of the last reveal, which finalises A.
   */
  async finish(): Promise<bigint> {
    const a = this.roundA!;
    await a.recuse(5, RECUSAL_REASON);
    await this.roundB!.cancel(CANCEL_REASON);
    let last = 0n;
    for (let seat = 0; seat < 5; seat++) {
      last = (await a.reveal(seat)).blockNumber;
    }
    return last;
  }

  async run(): Promise<bigint> {
    await this.firstHalf();
    await this.commitRest();
    return this.finish();
  }
}
