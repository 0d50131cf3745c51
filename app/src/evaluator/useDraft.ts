import { useCallback, useRef, useState } from "react";

import type { Draft, TabletStore } from "../storage/tablet-store.ts";

/** An empty draft shaped for the round's bidders and qualitative criteria. */
export function emptyDraft(bidders: number, criteria: number): Draft {
  return {
    scores: Array.from({ length: bidders }, () =>
      Array.from({ length: criteria }, () => ""),
    ),
    comments: Array.from({ length: bidders }, () => ""),
    updatedAt: 0,
  };
}

/** Fits a stored draft to the round's shape (a draft from another round shape is reset). */
export function fitDraft(
  draft: Draft | undefined,
  bidders: number,
  criteria: number,
): Draft {
  const empty = emptyDraft(bidders, criteria);
  if (!draft || draft.scores.length !== bidders) return empty;
  if (draft.scores.some((row) => row.length !== criteria)) return empty;
  return { ...empty, ...draft };
}

/**
 * Holds the draft and writes it to the tablet's store on every change.
 * Writes are chained so that they land in the order they were made; the
 * last write always holds the newest text.
 */
export function useDraft(store: TabletStore, seat: string, initial: Draft) {
  const [draft, setDraft] = useState(initial);
  const [savedAt, setSavedAt] = useState<number | undefined>(
    initial.updatedAt || undefined,
  );
  const [saveError, setSaveError] = useState<string>();
  const queue = useRef(Promise.resolve());

  const latest = useRef(initial);

  const update = useCallback(
    (change: (current: Draft) => Draft) => {
      const next = { ...change(latest.current), updatedAt: Date.now() };
      latest.current = next;
      setDraft(next);
      queue.current = queue.current
        .then(() => store.saveDraft(seat, next))
        .then(
          () => {
            setSavedAt(next.updatedAt);
            setSaveError(undefined);
          },
          (error: unknown) => setSaveError(String(error)),
        );
    },
    [store, seat],
  );

  const setScore = useCallback(
    (bidder: number, criterion: number, text: string) =>
      update((current) => ({
        ...current,
        scores: current.scores.map((row, b) =>
          b === bidder
            ? row.map((value, q) => (q === criterion ? text : value))
            : row,
        ),
      })),
    [update],
  );

  const setComment = useCallback(
    (bidder: number, text: string) =>
      update((current) => ({
        ...current,
        comments: current.comments.map((value, b) =>
          b === bidder ? text : value,
        ),
      })),
    [update],
  );

  return { draft, setScore, setComment, savedAt, saveError };
}
