// The one-form round editor's model. Every field is kept as typed text so
// that a wrong value reaches core's round-file schema unchanged and comes
// back as the same field-path issue that the CLI reports, which the console
// then shows in its own language.

export interface CriterionDraft {
  name: string;
  maxPoints: string;
  kind: "qualitative" | "quantitative";
}

export interface BidderDraft {
  name: string;
  bidPrice: string;
  priceScore: string;
  /** One per quantitative criterion, in criteria order. */
  quantitativeScores: string[];
}

export interface RulesDraft {
  version: string;
  technicalWeight: string;
  priceWeight: string;
  trim: string;
  technicalScoring: string;
  priceFormula: string;
  estimatedPrice: string;
  qualifyingPercent: string;
  tieBreak: string[];
  minEvaluators: string;
}

export interface RoundDraft {
  title: string;
  reference: string;
  rules: RulesDraft;
  criteria: CriterionDraft[];
  bidders: BidderDraft[];
  evaluators: string;
  /** `datetime-local` values, read as Korea Standard Time. */
  scoringDeadline: string;
  revealDeadline: string;
}

export type PresetName = "kr-80-20" | "kr-90-10" | "uk-80-20";

/** Rules of the common evaluation schemes. */
export const PRESETS: Record<PresetName, RulesDraft> = {
  "kr-80-20": {
    version: "kr-negotiated-80-20",
    technicalWeight: "80",
    priceWeight: "20",
    trim: "high-low-total",
    technicalScoring: "absolute",
    priceFormula: "kr-negotiated",
    estimatedPrice: "",
    qualifyingPercent: "85",
    tieBreak: ["technical", "lottery"],
    minEvaluators: "5",
  },
  "kr-90-10": {
    version: "kr-negotiated-90-10",
    technicalWeight: "90",
    priceWeight: "10",
    trim: "high-low-total",
    technicalScoring: "absolute",
    priceFormula: "kr-negotiated",
    estimatedPrice: "",
    qualifyingPercent: "85",
    tieBreak: ["technical", "lottery"],
    minEvaluators: "5",
  },
  "uk-80-20": {
    version: "uk-80-20-relative",
    technicalWeight: "80",
    priceWeight: "20",
    trim: "none",
    technicalScoring: "relative-to-best",
    priceFormula: "lowest-over-bid",
    estimatedPrice: "",
    qualifyingPercent: "0",
    tieBreak: ["technical", "lottery"],
    minEvaluators: "3",
  },
};

export function emptyBidder(quantitative: number): BidderDraft {
  return {
    name: "",
    bidPrice: "",
    priceScore: "",
    quantitativeScores: Array.from({ length: quantitative }, () => ""),
  };
}

/** Returns a new round: the Korean 80/20 scheme, one criterion, two bidders, five seats. */
export function newRoundDraft(): RoundDraft {
  return {
    title: "",
    reference: "",
    rules: { ...PRESETS["kr-80-20"] },
    criteria: [{ name: "", maxPoints: "", kind: "qualitative" }],
    bidders: [emptyBidder(0), emptyBidder(0)],
    evaluators: "5",
    scoringDeadline: "",
    revealDeadline: "",
  };
}

/** Reads typed text as a number when it is one, so the schema gets numbers; other text passes unchanged. */
function numeric(text: string): number | string | undefined {
  const trimmed = text.trim();
  // An empty field is left out, so the schema reports it as missing.
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Turns a `datetime-local` value read in KST into the round file's form. */
export function kstDateTime(local: string): string {
  const value = local.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return value;
  return `${value.length === 16 ? `${value}:00` : value}+09:00`;
}

/** Turns a round file's date and time into a `datetime-local` value in KST. */
export function toKstLocal(text: string | undefined): string {
  if (!text) return "";
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) return text;
  return new Date(millis + 9 * 3600_000).toISOString().slice(0, 16);
}

/** Builds the round file that the form describes. */
export function draftToRoundFile(draft: RoundDraft): Record<string, unknown> {
  const { rules } = draft;
  const given = rules.priceFormula === "given";
  const quantitative = draft.criteria.filter(
    (criterion) => criterion.kind === "quantitative",
  ).length;
  const schedule: Record<string, string> = {};
  if (draft.scoringDeadline) {
    schedule.scoringDeadline = kstDateTime(draft.scoringDeadline);
  }
  if (draft.revealDeadline) {
    schedule.revealDeadline = kstDateTime(draft.revealDeadline);
  }
  return {
    title: draft.title.trim(),
    reference: draft.reference.trim(),
    rules: {
      version: rules.version.trim(),
      technicalWeight: numeric(rules.technicalWeight),
      priceWeight: numeric(rules.priceWeight),
      trim: rules.trim,
      technicalScoring: rules.technicalScoring,
      priceFormula: rules.priceFormula,
      ...(rules.priceFormula === "kr-negotiated"
        ? { estimatedPrice: rules.estimatedPrice.trim() }
        : {}),
      qualifyingPercent: numeric(rules.qualifyingPercent),
      tieBreak: rules.tieBreak,
      minEvaluators: numeric(rules.minEvaluators),
    },
    criteria: draft.criteria.map((criterion) => ({
      name: criterion.name.trim(),
      maxPoints: numeric(criterion.maxPoints),
      kind: criterion.kind,
    })),
    bidders: draft.bidders.map((bidder) => ({
      name: bidder.name.trim(),
      ...(given
        ? { priceScore: numeric(bidder.priceScore) }
        : { bidPrice: bidder.bidPrice.trim() }),
      ...(quantitative > 0
        ? {
            quantitativeScores: bidder.quantitativeScores
              .slice(0, quantitative)
              .map(numeric),
          }
        : {}),
    })),
    evaluators: numeric(draft.evaluators),
    // Always present, so an empty deadline is reported at its own field.
    schedule,
  };
}

export type FileLike = {
  title?: string;
  reference?: string;
  rules?: Partial<Record<keyof RulesDraft, unknown>>;
  criteria?: { name?: string; maxPoints?: unknown; kind?: string }[];
  bidders?: {
    name?: string;
    bidPrice?: unknown;
    priceScore?: unknown;
    quantitativeScores?: unknown[];
  }[];
  evaluators?: unknown;
  schedule?: { scoringDeadline?: string; revealDeadline?: string };
};

const text = (value: unknown) => (value === undefined ? "" : String(value));

/** Fills the form from an uploaded round (or case) file. */
export function roundFileToDraft(file: FileLike): RoundDraft {
  const base = newRoundDraft();
  const rules = file.rules ?? {};
  const quantitative = (file.criteria ?? []).filter(
    (criterion) => criterion.kind === "quantitative",
  ).length;
  return {
    title: text(file.title),
    reference: text(file.reference),
    rules: {
      version: text(rules.version),
      technicalWeight: text(rules.technicalWeight),
      priceWeight: text(rules.priceWeight),
      trim: text(rules.trim ?? base.rules.trim),
      technicalScoring: text(
        rules.technicalScoring ?? base.rules.technicalScoring,
      ),
      priceFormula: text(rules.priceFormula ?? base.rules.priceFormula),
      estimatedPrice: text(rules.estimatedPrice),
      qualifyingPercent: text(
        rules.qualifyingPercent ?? base.rules.qualifyingPercent,
      ),
      tieBreak: Array.isArray(rules.tieBreak)
        ? rules.tieBreak.map(String)
        : base.rules.tieBreak,
      minEvaluators: text(rules.minEvaluators ?? base.rules.minEvaluators),
    },
    criteria: (file.criteria ?? []).map((criterion) => ({
      name: text(criterion.name),
      maxPoints: text(criterion.maxPoints),
      kind: criterion.kind === "quantitative" ? "quantitative" : "qualitative",
    })),
    bidders: (file.bidders ?? []).map((bidder) => ({
      name: text(bidder.name),
      bidPrice: text(bidder.bidPrice),
      priceScore: text(bidder.priceScore),
      quantitativeScores: Array.from({ length: quantitative }, (_, index) =>
        text(bidder.quantitativeScores?.[index]),
      ),
    })),
    evaluators: text(file.evaluators),
    scoringDeadline: toKstLocal(file.schedule?.scoringDeadline),
    revealDeadline: toKstLocal(file.schedule?.revealDeadline),
  };
}
