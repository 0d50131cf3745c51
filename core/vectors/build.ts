import { toTallyInput } from "../params.ts";
import { parseCaseFile } from "../schema.ts";
import { caseSheetScores } from "../sheet.ts";
import { tally } from "../tally.ts";
import { commitmentVectors, eip712Vectors } from "./encoding-cases.ts";
import type { CommitmentVector, Eip712Vectors } from "./encoding-cases.ts";
import { bidderResultToJson, tallyInputToJson } from "./json.ts";
import type { BidderResultJson, TallyInputJson } from "./json.ts";
import { handMadeTallyCases, vectorSeed } from "./tally-cases.ts";
import type { TallyCase } from "./tally-cases.ts";

// Builds the golden vectors in test/vectors/ that the Solidity tally and
// encoders are checked against. scripts/generate-vectors.ts writes them and
// core/vectors/vectors.test.ts checks the committed files still match.

export type TallyVector = {
  name: string;
  input: TallyInputJson;
  expected: BidderResultJson[];
};

export type Vectors = {
  commitment: CommitmentVector[];
  eip712: Eip712Vectors;
  tally: TallyVector[];
};

/** A published case file and the name its vector gets. */
export type PublishedCase = { name: string; caseFile: unknown };

/** The tally case of a published case file, seeded with vector salts. */
export function publishedTallyCase(published: PublishedCase): TallyCase {
  const caseFile = parseCaseFile(published.caseFile);
  const sheets = caseSheetScores(caseFile);
  const lotterySeed = vectorSeed(sheets.length);
  return {
    name: published.name,
    input: toTallyInput(caseFile, { sheets, lotterySeed }),
  };
}

export function buildVectors(published: readonly PublishedCase[]): Vectors {
  const cases = [...published.map(publishedTallyCase), ...handMadeTallyCases()];
  return {
    commitment: commitmentVectors(),
    eip712: eip712Vectors(),
    tally: cases.map(({ name, input }) => ({
      name,
      input: tallyInputToJson(input),
      expected: tally(input).map(bidderResultToJson),
    })),
  };
}
