import { expect } from "chai";
import { network } from "hardhat";

import type { RoundParamsStruct } from "../../types/ethers-contracts/EvaluationRegistry.ts";
import {
  PRICE,
  SCORING,
  TRIM,
  claimSeat,
  currentTime,
  deployRegistry,
  openRound,
  planRound,
} from "./fixtures.ts";
import type { Deployment, RoundPlan } from "./fixtures.ts";
import { readState } from "./state.ts";

const { ethers, networkHelpers } = await network.create("hardhat");

interface Setup {
  deployment: Deployment;
  /** A claimed seat's invite in round 1, so spent. */
  spentInvite: string;
  /** The block timestamp of the createRound call under test. */
  now: bigint;
}

async function withOneRound(): Promise<Setup> {
  const deployment = await deployRegistry(ethers);
  const { roundId, plan } = await openRound(deployment, {
    seats: 3,
    bidders: 2,
    criteria: 2,
  });
  await claimSeat(deployment, roundId, 0, plan.keys[0]);
  return {
    deployment,
    spentInvite: plan.keys[0].invite.address,
    now: (await currentTime(ethers)) + 100n,
  };
}

/** Valid parameters of 5 seats, 3 bidders and 3 criteria, for `now`. */
function validPlan(
  setup: Setup,
  options: Partial<Parameters<typeof planRound>[0]> = {},
): RoundPlan {
  return planRound(
    { seats: 5, bidders: 3, criteria: 3, ...options },
    setup.now,
  );
}

interface BadParams {
  name: string;
  options?: Partial<Parameters<typeof planRound>[0]>;
  change: (params: RoundParamsStruct, setup: Setup) => void;
  error: string;
  args: (params: RoundParamsStruct, setup: Setup) => unknown[];
}

const rows: BadParams[] = [
  {
    name: "no criteria",
    change: (p) => (p.criteria = []),
    error: "RegistryInvalidCriterionCount",
    args: () => [0, 256],
  },
  {
    name: "257 criteria",
    change: (p) =>
      (p.criteria = Array.from({ length: 257 }, (_, c) => ({
        name: `C${c}`,
        maxPoints: 1,
        quantitative: false,
      }))),
    error: "RegistryInvalidCriterionCount",
    args: () => [257, 256],
  },
  {
    name: "a criterion whose maximum is 0",
    change: (p) => (p.criteria[1].maxPoints = 0),
    error: "RegistryZeroMaxPoints",
    args: () => [1],
  },
  {
    name: "only quantitative criteria",
    change: (p) =>
      p.criteria.forEach((criterion) => (criterion.quantitative = true)),
    error: "RegistryNoQualitativeCriterion",
    args: () => [],
  },
  {
    name: "maxima that do not add up to the technical weight under absolute scoring",
    change: (p) => (p.rules.technicalWeight = 9000),
    error: "RegistryMaxPointsSumMismatch",
    args: (p) => [
      p.criteria.reduce((sum, c) => sum + Number(c.maxPoints), 0),
      9000,
    ],
  },
  {
    name: "no bidders",
    change: (p) => (p.bidders = []),
    error: "RegistryInvalidBidderCount",
    args: () => [0, 65535],
  },
  {
    name: "no invites",
    change: (p) => (p.invites = []),
    error: "RegistryInvalidSeatCount",
    args: () => [0, 65535],
  },
  {
    name: "an unknown trim",
    change: (p) => (p.rules.trim = 3),
    error: "RegistryInvalidTrim",
    args: () => [3],
  },
  {
    name: "an unknown technical scoring",
    change: (p) => (p.rules.technicalScoring = 2),
    error: "RegistryInvalidTechnicalScoring",
    args: () => [2],
  },
  {
    name: "an unknown price formula",
    change: (p) => (p.rules.priceFormula = 3),
    error: "RegistryInvalidPriceFormula",
    args: () => [3],
  },
  {
    name: "a qualifying percent above 100",
    change: (p) => (p.rules.qualifyingPercent = 101),
    error: "RegistryInvalidQualifyingPercent",
    args: () => [101],
  },
  {
    name: "an unknown tie-break step",
    change: (p) => (p.rules.tieBreak = [0, 3]),
    error: "RegistryInvalidTieBreak",
    args: () => [1, 3],
  },
  {
    name: "a repeated tie-break step",
    change: (p) => (p.rules.tieBreak = [2, 2]),
    error: "RegistryInvalidTieBreak",
    args: () => [1, 2],
  },
  {
    name: "four tie-break steps",
    change: (p) => (p.rules.tieBreak = [0, 1, 2, 0]),
    error: "RegistryInvalidTieBreak",
    args: () => [3, 0],
  },
  {
    name: "a zero technical weight",
    change: (p) => (p.rules.technicalWeight = 0),
    error: "RegistryZeroTechnicalWeight",
    args: () => [],
  },
  {
    name: "trimming with a quorum of 2",
    change: (p) => (p.rules.minEvaluators = 2),
    error: "RegistryInvalidMinEvaluators",
    args: () => [2, 3, 5],
  },
  {
    name: "a quorum above the seat count",
    change: (p) => (p.rules.minEvaluators = 6),
    error: "RegistryInvalidMinEvaluators",
    args: () => [6, 3, 5],
  },
  {
    name: "a quorum of 0 without trimming",
    options: { trim: TRIM.none },
    change: (p) => (p.rules.minEvaluators = 0),
    error: "RegistryInvalidMinEvaluators",
    args: () => [0, 1, 5],
  },
  {
    name: "a scoring deadline that is not in the future",
    change: (p, s) => (p.scoringDeadline = s.now),
    error: "RegistryInvalidDeadlines",
    args: (p, s) => [s.now, p.revealDeadline, s.now],
  },
  {
    name: "a reveal deadline that is not after the scoring deadline",
    change: (p) => (p.revealDeadline = p.scoringDeadline),
    error: "RegistryInvalidDeadlines",
    args: (p, s) => [p.scoringDeadline, p.scoringDeadline, s.now],
  },
  {
    name: "a reveal deadline beyond the year 36812",
    change: (p) => (p.revealDeadline = 2n ** 40n),
    error: "RegistryInvalidDeadlines",
    args: (p, s) => [p.scoringDeadline, 2n ** 40n, s.now],
  },
  {
    name: "an escrow key of 32 bytes",
    change: (p) => (p.escrowPublicKey = "0x02" + "11".repeat(31)),
    error: "RegistryInvalidEscrowKey",
    args: () => [32, "0x02"],
  },
  {
    name: "an escrow key with the uncompressed prefix",
    change: (p) => (p.escrowPublicKey = "0x04" + "11".repeat(32)),
    error: "RegistryInvalidEscrowKey",
    args: () => [33, "0x04"],
  },
  {
    name: "an empty escrow key",
    change: (p) => (p.escrowPublicKey = "0x"),
    error: "RegistryInvalidEscrowKey",
    args: () => [0, "0x00"],
  },
  {
    name: "a zero invite",
    change: (p) => (p.invites[2] = ethers.ZeroAddress),
    error: "RegistryInvalidInvite",
    args: () => [2, 2, ethers.ZeroAddress],
  },
  {
    name: "one invite for two seats",
    change: (p) => (p.invites[3] = p.invites[1]),
    error: "RegistryInvalidInvite",
    args: (p) => [2, 3, p.invites[1]],
  },
  {
    name: "an invite that already claimed a seat",
    change: (p, s) => (p.invites[0] = s.spentInvite),
    error: "RegistryInvalidInvite",
    args: (_, s) => [2, 0, s.spentInvite],
  },
  {
    name: "a bidder without its quantitative score",
    options: { quantitative: 1 },
    change: (p) => (p.bidders[0].quantitativeScores = []),
    error: "RegistryQuantitativeScoreCountMismatch",
    args: () => [0, 0, 1],
  },
  {
    name: "a quantitative score above its maximum",
    options: { quantitative: 1 },
    change: (p) =>
      (p.bidders[1].quantitativeScores = [Number(p.criteria[2].maxPoints) + 1]),
    error: "RegistryQuantitativeScoreAboveMax",
    args: (p) => [
      1,
      0,
      Number(p.criteria[2].maxPoints) + 1,
      p.criteria[2].maxPoints,
    ],
  },
  {
    name: "a zero bid price under lowest-over-bid",
    change: (p) => (p.bidders[1].bidPrice = 0),
    error: "RegistryMissingBidPrice",
    args: () => [1],
  },
  {
    name: "a bid price under the given formula",
    options: { priceFormula: PRICE.given },
    change: (p) => (p.bidders[0].bidPrice = 1000),
    error: "RegistryUnexpectedBidPrice",
    args: () => [0, 1000],
  },
  {
    name: "a price score under lowest-over-bid",
    change: (p) => (p.bidders[0].priceScore = 5),
    error: "RegistryUnexpectedPriceScore",
    args: () => [0, 5],
  },
  {
    name: "a given price score above the price weight",
    options: { priceFormula: PRICE.given },
    change: (p) => (p.bidders[2].priceScore = 200_001),
    error: "RegistryPriceScoreAboveWeight",
    args: () => [2, 200_001, 200_000],
  },
  {
    name: "kr-negotiated prices without an estimated price",
    options: { priceFormula: PRICE.krNegotiated },
    change: (p) => (p.rules.estimatedPrice = 0),
    error: "RegistryMissingEstimatedPrice",
    args: () => [],
  },
  {
    name: "an estimated price under lowest-over-bid",
    change: (p) => (p.rules.estimatedPrice = 1000),
    error: "RegistryUnexpectedEstimatedPrice",
    args: () => [1000],
  },
  {
    name: "two bidders with the same name",
    change: (p) => (p.bidders[2].name = p.bidders[0].name),
    error: "RegistryDuplicateBidderName",
    args: () => [0, 2],
  },
];

describe("EvaluationRegistry round creation", function () {
  for (const row of rows) {
    it(`rejects ${row.name}`, async function () {
      const setup = await networkHelpers.loadFixture(withOneRound);
      const { registry } = setup.deployment;
      const params = validPlan(setup, row.options).params;
      row.change(params, setup);
      const before = await readState(setup.deployment, [1n]);
      await networkHelpers.time.setNextBlockTimestamp(setup.now);

      await expect(registry.createRound(params))
        .to.be.revertedWithCustomError(registry, row.error)
        .withArgs(...row.args(params, setup));
      expect(await readState(setup.deployment, [1n])).to.equal(before);
    });
  }

  it("rejects an account without the role", async function () {
    const setup = await networkHelpers.loadFixture(withOneRound);
    const { registry } = setup.deployment;
    const [, , stranger] = await ethers.getSigners();
    const before = await readState(setup.deployment, [1n]);

    await expect(
      registry.connect(stranger).createRound(validPlan(setup).params),
    )
      .to.be.revertedWithCustomError(
        registry,
        "AccessControlUnauthorizedAccount",
      )
      .withArgs(stranger.address, await registry.ROUND_ADMIN_ROLE());
    expect(await readState(setup.deployment, [1n])).to.equal(before);
  });

  it("accepts relative maxima off the weight", async function () {
    const setup = await networkHelpers.loadFixture(withOneRound);
    const { registry } = setup.deployment;
    const params = validPlan(setup, {
      technicalScoring: SCORING.relativeToBest,
    }).params;
    params.rules.technicalWeight = 8000;

    await registry.createRound(params);

    const round = await registry.getRound(2n);
    expect(round.seats).to.equal(5n);
    expect(round.bidders).to.equal(3n);
    expect(round.criteria).to.equal(3n);
  });

  it("lets a granted officer run a round", async function () {
    const setup = await networkHelpers.loadFixture(withOneRound);
    const { registry } = setup.deployment;
    const [, , officer] = await ethers.getSigners();
    await registry.grantRole(
      await registry.ROUND_ADMIN_ROLE(),
      officer.address,
    );

    await registry.connect(officer).createRound(validPlan(setup).params);

    expect((await registry.getRound(2n)).admin).to.equal(officer.address);
    await expect(registry.cancelRound(2n, "Not mine."))
      .to.be.revertedWithCustomError(registry, "RegistryNotRoundAdmin")
      .withArgs(2n, setup.deployment.admin.address);
  });

  it("emits every parameter in RoundCreated", async function () {
    const setup = await networkHelpers.loadFixture(withOneRound);
    const { registry } = setup.deployment;
    const params = validPlan(setup, { quantitative: 1 }).params;

    await registry.createRound(params);

    const [event] = await registry.queryFilter(
      registry.filters.RoundCreated(2n),
    );
    const emitted = event.args.params;
    expect(emitted.title).to.equal(params.title);
    expect(emitted.referenceNumber).to.equal(params.referenceNumber);
    expect(emitted.rules.version).to.equal(params.rules.version);
    expect(emitted.criteria.map((c) => c.name)).to.deep.equal(
      params.criteria.map((c) => c.name),
    );
    expect(emitted.bidders.map((b) => b.name)).to.deep.equal(
      params.bidders.map((b) => b.name),
    );
    expect(emitted.bidders.map((b) => b.bidPrice)).to.deep.equal(
      params.bidders.map((b) => BigInt(b.bidPrice)),
    );
    expect(emitted.invites).to.deep.equal(params.invites);
    expect(emitted.escrowPublicKey).to.equal(params.escrowPublicKey);
    expect(event.args.tallyVersion).to.equal(await registry.TALLY_VERSION());
  });
});
