import { onchainTable, primaryKey, relations } from "ponder";

// Tables of the Jurybox indexer, filled from the EvaluationRegistry events.
// Units follow docs/PROTOCOL.md: scores and criterion maxima in hundredths
// of a point, weights in hundredths, results in ten-thousandths, money in
// whole minor units, times in UTC seconds. Enumerations are stored by name
// (core/enums.ts), e.g. phase "revealing" and trim "high-low-total".

/** One evaluation round: its parameters, phase, seat counts and steps. */
export const round = onchainTable("round", (t) => ({
  /** Round id, from 1. */
  id: t.bigint().primaryKey(),
  /** Round administrator: the address that created the round. */
  admin: t.hex().notNull(),
  /** Title of the procurement. */
  title: t.text().notNull(),
  /** Reference number of the procurement. */
  reference: t.text().notNull(),
  /** The round file's rules.version label. */
  rulesVersion: t.text().notNull(),
  /** Version of the registry's tally rules that computes the result. */
  tallyVersion: t.text().notNull(),
  /** Trimming: high-low-total, high-low-criterion or none. */
  trim: t.text().notNull(),
  /** Technical scoring: absolute or relative-to-best. */
  technicalScoring: t.text().notNull(),
  /** Price formula: lowest-over-bid, kr-negotiated or given. */
  priceFormula: t.text().notNull(),
  /** Qualifying threshold in percent of the technical weight; 0 disables. */
  qualifyingPercent: t.integer().notNull(),
  /** Smallest number of sheets the round can close and finalise with. */
  minEvaluators: t.integer().notNull(),
  /** Technical weight in hundredths of a point. */
  technicalWeight: t.integer().notNull(),
  /** Price weight in hundredths of a point. */
  priceWeight: t.integer().notNull(),
  /** Estimated price in minor units; 0 unless the formula is kr-negotiated. */
  estimatedPrice: t.bigint().notNull(),
  /** Tie-break steps in order: technical, largest-criterion, lottery. */
  tieBreak: t.text().array().notNull(),
  /** Compressed secp256k1 public key that escrow blobs are encrypted to. */
  escrowPublicKey: t.hex().notNull(),
  /** Phase: scoring, revealing, finalized or cancelled. */
  phase: t.text().notNull(),
  /** Number of seats (evaluator places). */
  seatCount: t.integer().notNull(),
  /** Seats bound to a device and not recused (claimed, committed, revealed). */
  claimed: t.integer().notNull(),
  /** Seats with a sheet (committed or revealed). */
  committed: t.integer().notNull(),
  /** Seats whose sheet was opened. */
  revealed: t.integer().notNull(),
  /** Seats that recused themselves. */
  recused: t.integer().notNull(),
  /** Number of bidders. */
  bidderCount: t.integer().notNull(),
  /** Number of criteria, qualitative and quantitative. */
  criterionCount: t.integer().notNull(),
  /** Number of qualitative criteria, which evaluators score. */
  qualitativeCriterionCount: t.integer().notNull(),
  /** Commits are accepted before this time (UTC seconds). */
  scoringDeadline: t.bigint().notNull(),
  /** Reveals are accepted before this time (UTC seconds). */
  revealDeadline: t.bigint().notNull(),
  /** Block of RoundCreated. */
  createdBlock: t.bigint().notNull(),
  /** Time of the block of RoundCreated (UTC seconds). */
  createdAt: t.bigint().notNull(),
  /** Transaction of RoundCreated. */
  createdTx: t.hex().notNull(),
  /** Block of ScoringClosed; null while scoring. */
  closedBlock: t.bigint(),
  /** Time of the block of ScoringClosed (UTC seconds). */
  closedAt: t.bigint(),
  /** Transaction of ScoringClosed. */
  closedTx: t.hex(),
  /** True when the last commit or recusal closed scoring, false when the administrator did. */
  closedAutomatically: t.boolean(),
  /** Seats that neither committed nor recused when scoring closed. */
  absentSeats: t.integer(),
  /** Block of RoundFinalized; null until finalised. */
  finalizedBlock: t.bigint(),
  /** Time of the block of RoundFinalized (UTC seconds). */
  finalizedAt: t.bigint(),
  /** Transaction of RoundFinalized. */
  finalizedTx: t.hex(),
  /** Number of revealed sheets the result was computed from. */
  resultSeats: t.integer(),
  /** keccak256 of the revealed salts in seat order, which orders lottery ties. */
  lotterySeed: t.hex(),
  /** Index of the bidder with negotiation order 1; null when none qualifies. */
  winnerIndex: t.integer(),
  /** Name of that bidder. */
  winnerName: t.text(),
  /** Block of RoundCancelled; null unless cancelled. */
  cancelledBlock: t.bigint(),
  /** Time of the block of RoundCancelled (UTC seconds). */
  cancelledAt: t.bigint(),
  /** Transaction of RoundCancelled. */
  cancelledTx: t.hex(),
  /** Reason the administrator gave for cancelling. */
  cancelReason: t.text(),
}));

/** One bidder of a round, in presentation order. */
export const bidder = onchainTable(
  "bidder",
  (t) => ({
    /** Round id. */
    roundId: t.bigint().notNull(),
    /** Position in presentation order, from 0. */
    index: t.integer().notNull(),
    /** Bidder name, public. */
    name: t.text().notNull(),
    /** Bid price in minor units; 0 when the price formula is given. */
    bidPrice: t.bigint().notNull(),
    /** Given price score in ten-thousandths; 0 unless the formula is given. */
    priceScore: t.bigint().notNull(),
    /** Scores of the quantitative criteria in hundredths, in criterion order. */
    quantitativeScores: t.integer().array().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.roundId, table.index] }) }),
);

/** One scoring criterion of a round, in the round file's order. */
export const criterion = onchainTable(
  "criterion",
  (t) => ({
    /** Round id. */
    roundId: t.bigint().notNull(),
    /** Position among all criteria, from 0. */
    index: t.integer().notNull(),
    /** Criterion name. */
    name: t.text().notNull(),
    /** Maximum score in hundredths of a point. */
    maxPoints: t.integer().notNull(),
    /** True when the administrator enters it per bidder, not the evaluators. */
    quantitative: t.boolean().notNull(),
    /** Position among the qualitative criteria (a sheet's column); null for a quantitative one. */
    sheetColumn: t.integer(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.roundId, table.index] }) }),
);

/** One evaluator seat of a round: its invite, device and progress, never scores. */
export const seat = onchainTable(
  "seat",
  (t) => ({
    /** Round id. */
    roundId: t.bigint().notNull(),
    /** Seat number, from 0. */
    seat: t.integer().notNull(),
    /** State: invited, claimed, committed, revealed or recused. */
    state: t.text().notNull(),
    /** Address of the seat's current one-time invite key. */
    invite: t.hex().notNull(),
    /** Device address bound by the claim; null while invited. */
    device: t.hex(),
    /** keccak256 of the pledge text the evaluator signed; null while invited. */
    pledgeHash: t.hex(),
    /** Block of the claim that bound the current device. */
    claimedBlock: t.bigint(),
    /** Time of that claim's block (UTC seconds). */
    claimedAt: t.bigint(),
    /** Transaction of that claim. */
    claimedTx: t.hex(),
    /** Number of times the administrator gave the seat a new invite. */
    reissueCount: t.integer().notNull(),
    /** Block of the latest reissue. */
    reissuedBlock: t.bigint(),
    /** Time of the latest reissue's block (UTC seconds). */
    reissuedAt: t.bigint(),
    /** Transaction of the latest reissue. */
    reissuedTx: t.hex(),
    /** Number of commits, re-commits included. */
    commitCount: t.integer().notNull(),
    /** The latest commitment, which a reveal must open. */
    commitment: t.hex(),
    /** Block of the latest commit. */
    committedBlock: t.bigint(),
    /** Time of the latest commit's block (UTC seconds). */
    committedAt: t.bigint(),
    /** Transaction of the latest commit. */
    committedTx: t.hex(),
    /** Block of the reveal. */
    revealedBlock: t.bigint(),
    /** Time of the reveal's block (UTC seconds). */
    revealedAt: t.bigint(),
    /** Transaction of the reveal. */
    revealedTx: t.hex(),
    /** Block of the recusal. */
    recusedBlock: t.bigint(),
    /** Time of the recusal's block (UTC seconds). */
    recusedAt: t.bigint(),
    /** Transaction of the recusal. */
    recusedTx: t.hex(),
    /** Reason the device signed when recusing. */
    recusalReason: t.text(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.roundId, table.seat] }) }),
);

/** One sealed sheet as committed: the commitment hash, never the scores. */
export const commitment = onchainTable(
  "commitment",
  (t) => ({
    /** Round id. */
    roundId: t.bigint().notNull(),
    /** Seat number. */
    seat: t.integer().notNull(),
    /** 1 for the seat's first commit, 2 for its first re-commit, and so on. */
    sequence: t.integer().notNull(),
    /** keccak256 commitment over round, seat, scores, comments hash and salt. */
    commitment: t.hex().notNull(),
    /** The sheet and salt encrypted to the round's escrow key; "0x" when not escrowed. */
    escrow: t.hex().notNull(),
    /** True for the seat's latest commit, the only one a reveal can open. */
    latest: t.boolean().notNull(),
    /** Block of SheetCommitted. */
    blockNumber: t.bigint().notNull(),
    /** Time of that block (UTC seconds). */
    timestamp: t.bigint().notNull(),
    /** Transaction of SheetCommitted. */
    transactionHash: t.hex().notNull(),
    /** Position of SheetCommitted in its block's logs. */
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({
      columns: [table.roundId, table.seat, table.sequence],
    }),
  }),
);

/** One opened sheet: the scores, comments and salt a reveal published. */
export const sheet = onchainTable(
  "sheet",
  (t) => ({
    /** Round id. */
    roundId: t.bigint().notNull(),
    /** Seat number. */
    seat: t.integer().notNull(),
    /** Scores in hundredths, bidder-major over the qualitative criteria. */
    scores: t.integer().array().notNull(),
    /** One comment per bidder, in presentation order. */
    comments: t.text().array().notNull(),
    /** The 32-byte salt that opened the commitment. */
    salt: t.hex().notNull(),
    /** The commitment the reveal opened. */
    commitment: t.hex().notNull(),
    /** Block of SheetRevealed. */
    blockNumber: t.bigint().notNull(),
    /** Time of that block (UTC seconds). */
    timestamp: t.bigint().notNull(),
    /** Transaction of SheetRevealed. */
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.roundId, table.seat] }) }),
);

/** One bidder's line of a finalised round's result, as the registry computed it. */
export const result = onchainTable(
  "result",
  (t) => ({
    /** Round id. */
    roundId: t.bigint().notNull(),
    /** Bidder position in presentation order, from 0. */
    bidderIndex: t.integer().notNull(),
    /** Bidder name. */
    bidderName: t.text().notNull(),
    /** Technical score in ten-thousandths. */
    technical: t.bigint().notNull(),
    /** Price score in ten-thousandths. */
    price: t.bigint().notNull(),
    /** Total (technical + price) in ten-thousandths. */
    total: t.bigint().notNull(),
    /** Technical score as 4-decimal text, e.g. "68.0000". */
    technicalText: t.text().notNull(),
    /** Price score as 4-decimal text. */
    priceText: t.text().notNull(),
    /** Total as 4-decimal text. */
    totalText: t.text().notNull(),
    /** True when the technical score reaches the qualifying threshold. */
    qualified: t.boolean().notNull(),
    /** Rank of all bidders by total after tie-breaks; 1 is best. */
    rankByTotal: t.integer().notNull(),
    /** Negotiation order among qualified bidders, 1 = winner; null when not qualified. */
    negotiationOrder: t.integer(),
    /** True for the bidder with negotiation order 1. */
    winner: t.boolean().notNull(),
    /** The round's lottery seed (the same on every line). */
    lotterySeed: t.hex().notNull(),
    /** Block of RoundFinalized. */
    blockNumber: t.bigint().notNull(),
    /** Transaction of RoundFinalized. */
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.roundId, table.bidderIndex] }),
  }),
);

/** How far the indexer has read the chain: one row per chain. */
export const indexedBlock = onchainTable("indexed_block", (t) => ({
  /** Chain id. */
  chainId: t.integer().primaryKey(),
  /** Number of the latest block whose registry events are all indexed. */
  blockNumber: t.bigint().notNull(),
  /** Time of that block (UTC seconds). */
  blockTime: t.bigint().notNull(),
  /** Hash of that block. */
  blockHash: t.hex().notNull(),
}));

export const roundRelations = relations(round, ({ many }) => ({
  bidders: many(bidder),
  criteria: many(criterion),
  seats: many(seat),
  commitments: many(commitment),
  sheets: many(sheet),
  results: many(result),
}));

export const bidderRelations = relations(bidder, ({ one }) => ({
  round: one(round, { fields: [bidder.roundId], references: [round.id] }),
  result: one(result, {
    fields: [bidder.roundId, bidder.index],
    references: [result.roundId, result.bidderIndex],
  }),
}));

export const criterionRelations = relations(criterion, ({ one }) => ({
  round: one(round, { fields: [criterion.roundId], references: [round.id] }),
}));

export const seatRelations = relations(seat, ({ one, many }) => ({
  round: one(round, { fields: [seat.roundId], references: [round.id] }),
  commitments: many(commitment),
  sheet: one(sheet, {
    fields: [seat.roundId, seat.seat],
    references: [sheet.roundId, sheet.seat],
  }),
}));

export const commitmentRelations = relations(commitment, ({ one }) => ({
  round: one(round, { fields: [commitment.roundId], references: [round.id] }),
  seatRecord: one(seat, {
    fields: [commitment.roundId, commitment.seat],
    references: [seat.roundId, seat.seat],
  }),
}));

export const sheetRelations = relations(sheet, ({ one }) => ({
  round: one(round, { fields: [sheet.roundId], references: [round.id] }),
  seatRecord: one(seat, {
    fields: [sheet.roundId, sheet.seat],
    references: [seat.roundId, seat.seat],
  }),
}));

export const resultRelations = relations(result, ({ one }) => ({
  round: one(round, { fields: [result.roundId], references: [round.id] }),
  bidder: one(bidder, {
    fields: [result.roundId, result.bidderIndex],
    references: [bidder.roundId, bidder.index],
  }),
}));
