import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  RoundFileError,
  parseRoundFile,
  passedDeadlineIssues,
  type FileIssue,
  type RoundFile,
} from "../../../core/index.ts";
import { describeError, isBlockGasExceeded } from "../chain/errors.ts";
import { Screen } from "../ui/Screen.tsx";
import type { AdminContext } from "./AdminApp.tsx";
import { MissingRoundAdminRoleError, createRound } from "./create-round.ts";
import { FormField, fieldId } from "./FormField.tsx";
import { describeIssue, describePath } from "./issue-text.ts";
import { BidderFields, CriteriaFields } from "./ListFields.tsx";
import {
  draftToRoundFile,
  newRoundDraft,
  type RoundDraft,
} from "./round-form.ts";
import { readRoundUpload } from "./round-upload.ts";
import { RulesFields } from "./RulesFields.tsx";

/**
 * Lists a scoring deadline that has already passed in a round file that
 * failed parsing, so the form reports it with the other problems instead of
 * after they are fixed. A deadline with an issue of its own is skipped.
 */
export function passedDeadlineOfDraft(
  roundFile: Record<string, unknown>,
  issues: readonly FileIssue[],
  nowMs: number,
): FileIssue[] {
  const path = "schedule.scoringDeadline";
  if (issues.some((issue) => issue.path === path)) return [];
  const schedule = roundFile.schedule as { scoringDeadline?: unknown };
  const deadline = schedule?.scoringDeadline;
  if (typeof deadline !== "string") return [];
  // NOTE: the cast relies on passedDeadlineIssues reading only the scoring
  // deadline (which it parses itself), as core/schema.ts does today.
  const partial = { schedule: { scoringDeadline: deadline } } as RoundFile;
  return passedDeadlineIssues(partial, nowMs);
}

function groupIssues(
  issues: readonly FileIssue[],
  describe: (issue: FileIssue) => string,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    map.set(issue.path, [...(map.get(issue.path) ?? []), describe(issue)]);
  }
  return map;
}

/**
 * One form that creates a round, or an uploaded round file that fills it.
 * The round file it describes is checked with core's schema before any
 * transaction, and every problem is shown at its field and in a summary.
 */
export function CreateRoundScreen({ context }: { context: AdminContext }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RoundDraft>(newRoundDraft);
  const [issues, setIssues] = useState<readonly FileIssue[]>([]);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // Issues are translated at each render, so a language switch updates them.
  const errors = groupIssues(issues, (issue) => describeIssue(t, issue));
  const update = (change: Partial<RoundDraft>) =>
    setDraft({ ...draft, ...change });

  async function upload(file: File) {
    setFailure(undefined);
    setNotice(undefined);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setFailure(t("form.uploadFailed", { message: (error as Error).message }));
      return;
    }
    const result = readRoundUpload(text);
    if (result.draft) {
      setDraft(result.draft);
      setNotice(t("form.uploaded", { name: file.name }));
    }
    setIssues(result.issues);
    if (result.issues.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const roundFile = draftToRoundFile(draft);
    let parsed: RoundFile;
    try {
      parsed = parseRoundFile(roundFile);
    } catch (error) {
      if (error instanceof RoundFileError) {
        setIssues([
          ...error.issues,
          ...passedDeadlineOfDraft(roundFile, error.issues, Date.now()),
        ]);
        requestAnimationFrame(() => summary.current?.focus());
        return;
      }
      throw error;
    }
    const late = passedDeadlineIssues(parsed, Date.now());
    if (late.length > 0) {
      setIssues(late);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const roundId = await createRound(context, roundFile);
      window.location.hash = `#/admin/round/${roundId}`;
    } catch (error) {
      setFailure(
        error instanceof MissingRoundAdminRoleError
          ? t("form.notRoundAdmin", { address: error.account })
          : isBlockGasExceeded(error)
            ? t("form.tooLargeForBlock")
            : t("form.createFailed", { message: describeError(error) }),
      );
      setBusy(false);
    }
  }

  const text = (
    path: "title" | "reference" | "evaluators",
    label: string,
    mode?: "numeric",
  ) => (
    <FormField path={path} label={label} errors={errors}>
      {(props) => (
        <input
          {...props}
          type="text"
          inputMode={mode}
          value={draft[path]}
          onChange={(event) => update({ [path]: event.target.value })}
        />
      )}
    </FormField>
  );
  const when = (
    field: "scoringDeadline" | "revealDeadline",
    path: string,
    label: string,
  ) => (
    <FormField path={path} label={label} errors={errors}>
      {(props) => (
        <input
          {...props}
          type="datetime-local"
          value={draft[field]}
          onChange={(event) => update({ [field]: event.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <Screen title={t("form.title")} className="create-round">
      <p>
        <a href="#/admin">{t("admin.back")}</a>
      </p>
      <div className="form-field">
        <label htmlFor="round-file">{t("form.upload")}</label>
        <input
          id="round-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {issues.length > 0 && (
        <div
          ref={summary}
          className="error-summary"
          tabIndex={-1}
          role="alert"
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">
            {t("form.problems", { count: issues.length })}
          </h2>
          <ul>
            {issues.map((issue, index) => (
              <li key={index}>
                <a
                  href={`#${fieldId(issue.path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(issue.path))?.focus();
                  }}
                >
                  {describePath(t, issue.path)}
                </a>
                {issue.path !== "" && <code> ({issue.path})</code>}
                {`: ${describeIssue(t, issue)}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>{t("form.basics")}</legend>
          <div className="form-grid">
            {text("title", t("form.roundTitle"))}
            {text("reference", t("form.reference"))}
          </div>
        </fieldset>
        <RulesFields
          rules={draft.rules}
          errors={errors}
          onChange={(rules) => update({ rules })}
        />
        <CriteriaFields
          criteria={draft.criteria}
          errors={errors}
          onChange={(criteria) => update({ criteria })}
        />
        <BidderFields
          bidders={draft.bidders}
          criteria={draft.criteria}
          priceFormula={draft.rules.priceFormula}
          errors={errors}
          onChange={(bidders) => update({ bidders })}
        />
        <fieldset>
          <legend>{t("form.schedule")}</legend>
          <div className="form-grid">
            {text("evaluators", t("form.seats"), "numeric")}
            {when(
              "scoringDeadline",
              "schedule.scoringDeadline",
              t("form.scoringDeadline"),
            )}
            {when(
              "revealDeadline",
              "schedule.revealDeadline",
              t("form.revealDeadline"),
            )}
          </div>
          {(errors.get("schedule") ?? []).map((message) => (
            <p key={message} className="field-error">
              {message}
            </p>
          ))}
        </fieldset>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t("form.creating") : t("form.create")}
          </button>
        </div>
      </form>
    </Screen>
  );
}
