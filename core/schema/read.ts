import type { z } from "zod";
import type { CriterionKind } from "../enums.ts";
import { criterionSchema } from "./round.ts";

const criterionFields = criterionSchema.shape;

// Safe readers for raw, unvalidated JSON. The cross-field checks use them
// so that they can run even when other parts of the file are invalid.

type Raw = Record<string, unknown>;

/** Returns `value[key]` when `value` is a plain object, else undefined. */
export function field(value: unknown, key: string): unknown {
  const isObject =
    typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject ? (value as Raw)[key] : undefined;
}

/** Returns `value` when it is an array, else an empty array. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Returns the value parsed by `schema`, or undefined when it is invalid. */
export function valid<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.output<T> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Returns `raw.rules[key]` without validating it. */
export function ruleField(raw: unknown, key: string): unknown {
  return field(field(raw, "rules"), key);
}

/** What the checks need to know of one criterion. */
export type CriterionOutline = {
  name: string;
  kind: CriterionKind;
  /** Undefined when the file's maxPoints is invalid. */
  maxPoints: number | undefined;
};

/**
 * Outlines the criteria when every one has a valid kind, so that the
 * qualitative and quantitative ones can be counted, otherwise undefined.
 */
export function outlineCriteria(raw: unknown): CriterionOutline[] | undefined {
  const entries = list(field(raw, "criteria"));
  const outline: CriterionOutline[] = [];
  for (const [index, entry] of entries.entries()) {
    const kind = valid(criterionFields.kind, field(entry, "kind"));
    if (kind === undefined) return undefined;
    const name = field(entry, "name");
    outline.push({
      name: typeof name === "string" ? name : `criteria[${index}]`,
      kind,
      maxPoints: valid(criterionFields.maxPoints, field(entry, "maxPoints")),
    });
  }
  return outline.length > 0 ? outline : undefined;
}

/** Formats criterion names as a quoted list: "Quality", "Price". */
export function quoteNames(criteria: readonly CriterionOutline[]): string {
  return criteria.map((criterion) => `"${criterion.name}"`).join(", ");
}
