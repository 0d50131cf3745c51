// Builds case files of any size for benchmarks: Korean negotiated rules,
// maxima adding up to 80 points, and scores from a seeded generator, so a
// size always gives the same file.

/** Returns a generator of numbers in [0, 1) that repeats for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: enough spread for test data, not for keys.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function hundredths(value: number): number {
  return Number((value / 100).toFixed(2));
}

/** Returns a case file with `seats` sheets, `bidders` bidders and `criteria` criteria. */
export function makeCaseFile(
  seats: number,
  bidders: number,
  criteria: number,
  seed: number,
) {
  const random = seededRandom(seed);
  const base = Math.floor(8000 / criteria);
  const maxima = Array.from({ length: criteria }, (_, index) =>
    index === criteria - 1 ? 8000 - base * (criteria - 1) : base,
  );
  const estimatedPrice = 400_000_000;

  return {
    title: `벤치마크 ${seats}×${bidders}×${criteria}`,
    reference: `BENCH-${seats}-${bidders}-${criteria}`,
    rules: {
      version: "kr-local-negotiated",
      technicalWeight: 80,
      priceWeight: 20,
      trim: "high-low-total",
      technicalScoring: "absolute",
      priceFormula: "kr-negotiated",
      estimatedPrice: String(estimatedPrice),
      qualifyingPercent: 85,
      tieBreak: ["technical", "lottery"],
      minEvaluators: Math.min(5, seats),
    },
    criteria: maxima.map((points, index) => ({
      name: `평가항목 ${index + 1}`,
      maxPoints: hundredths(points),
      kind: "qualitative",
    })),
    bidders: Array.from({ length: bidders }, (_, index) => ({
      name: `업체 ${index + 1}`,
      bidPrice: String(
        Math.round(estimatedPrice * (0.7 + 0.3 * random()) / 1000) * 1000,
      ),
    })),
    evaluators: seats,
    sheets: Array.from({ length: seats }, () => ({
      scores: Array.from({ length: bidders }, () =>
        maxima.map((points) =>
          hundredths(Math.round(points * (0.6 + 0.4 * random()))),
        ),
      ),
    })),
  };
}
