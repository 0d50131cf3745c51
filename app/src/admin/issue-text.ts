import type { TFunction } from "i18next";

import { parseDateTime, type FileIssue } from "../../../core/index.ts";
import { addStrings, i18n } from "../i18n/index.ts";
import { issuesEn } from "../i18n/issues-en.ts";
import { issuesKo } from "../i18n/issues-ko.ts";
import { formatKst } from "../lib/format.ts";

// Shows core's round-file issues in the console's language: each issue's
// code and parameters pick a translated text, and its path such as
// `bidders[1].bidPrice` becomes the form's field names.

addStrings({ ko: { fileIssue: issuesKo }, en: { fileIssue: issuesEn } });

// `{{name, kst}}` shows UTC seconds as a date and time in Korea time, the
// zone of the form's date-time fields, in place of the file's "+09:00" text.
i18n.services.formatter?.add("kst", (value: unknown, language) =>
  typeof value === "number"
    ? formatKst(value, language ?? "ko")
    : String(value),
);

/** Issue parameters that contain a round file's date-time text. */
const DATE_TIME_PARAMS = ["deadline", "scoringDeadline"];

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

const VALUE_KINDS = ["string", "number", "boolean", "array", "object", "null"];

/**
 * Describes a round-file path with the form's field names, e.g.
 * `bidders[1].bidPrice` as "제안사 2 › 입찰가". An empty path is the file.
 */
export function describePath(t: TFunction, path: string): string {
  if (path === "") return t("fileIssue.file");
  const tokens = [...path.matchAll(SEGMENT)];
  const parts: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const [, key, position] = tokens[index];
    if (key === undefined) {
      parts.push(`#${Number(position) + 1}`);
      continue;
    }
    const next = tokens[index + 1]?.[2];
    if (next === undefined) {
      parts.push(t(`fileIssue.fields.${key}`, { defaultValue: key }));
      continue;
    }
    const entry = t(`fileIssue.entries.${key}`, {
      defaultValue: t(`fileIssue.fields.${key}`, { defaultValue: key }),
    });
    parts.push(`${entry} ${Number(next) + 1}`);
    index += 1;
  }
  return parts.join(" › ");
}

/** Returns the text of one issue, without its path, in the current language. */
export function describeIssue(t: TFunction, issue: FileIssue): string {
  const { params } = issue;
  const values: Record<string, string | number> = { ...params };
  if (typeof params.expected === "string") {
    values.expected = t(`fileIssue.types.${params.expected}`, {
      defaultValue: params.expected,
    });
  }
  if (issue.code === "wrong_type") {
    const kind = String(params.actualKind);
    values.actual = t(
      `fileIssue.actual.${VALUE_KINDS.includes(kind) ? kind : "other"}`,
      { value: params.actualValue },
    );
  }
  if (typeof params.item === "string") {
    values.item = t(`fileIssue.items.${params.item}`, {
      defaultValue: params.item,
    });
  }
  if (typeof params.other === "string") {
    values.other = describePath(t, params.other);
  }
  for (const name of DATE_TIME_PARAMS) {
    const text = params[name];
    const seconds = typeof text === "string" ? parseDateTime(text) : undefined;
    if (seconds !== undefined) values[name] = seconds;
  }
  return t(`fileIssue.codes.${issue.code}`, {
    ...values,
    context: typeof params.context === "string" ? params.context : undefined,
    defaultValue: issue.message,
  });
}
