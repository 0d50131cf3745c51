import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Hex } from "viem";

import type { SeatLocator } from "../lib/route.ts";
import { ProblemMessage } from "../ui/ProblemMessage.tsx";
import { MessageScreen } from "../ui/Screen.tsx";
import { bootTablet, type Boot, type BootProblem } from "./boot.ts";
import { SeatFlow } from "./SeatFlow.tsx";

/** Milliseconds between boot attempts while the server cannot be reached. */
const UNREACHABLE_RETRY_MS = 3_000;

/** The evaluator's route: boots the tablet for the linked seat. */
export function EvaluatorApp({
  locator,
  inviteKey,
}: {
  locator: SeatLocator;
  inviteKey?: Hex;
}) {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    // The invite is used on the first attempt only; it is stored by then.
    void bootTablet(locator, attempt === 0 ? inviteKey : undefined).then(
      (result) => {
        if (active) setBoot(result);
      },
    );
    return () => {
      active = false;
    };
    // The locator's fields identify the seat; the object may be rebuilt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    locator.chainId,
    locator.registry,
    locator.roundId,
    locator.seat,
    attempt,
  ]);

  const unreachable =
    boot?.status === "problem" && boot.problem.kind === "unreachable";
  useEffect(() => {
    if (!unreachable) return;
    const retry = () => setAttempt((count) => count + 1);
    const timer = setTimeout(retry, UNREACHABLE_RETRY_MS);
    window.addEventListener("online", retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
  }, [unreachable, attempt]);

  if (!boot) return <p className="loading">{t("app.loading")}</p>;
  if (boot.status === "problem") {
    return <ProblemScreen problem={boot.problem} locator={locator} />;
  }
  return (
    <SeatFlow
      client={boot.client}
      store={boot.store}
      round={boot.round}
      session={boot.session}
      locator={locator}
    />
  );
}

function ProblemScreen({
  problem,
  locator,
}: {
  problem: BootProblem;
  locator: SeatLocator;
}) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case "insecure":
      return <ProblemMessage name="insecure" />;
    case "storage":
      return <ProblemMessage name="storage" />;
    case "no-session":
      return <ProblemMessage name="noSession" />;
    case "wrong-chain":
      return (
        <ProblemMessage
          name="wrongChain"
          values={{
            expected: String(locator.chainId),
            actual: String(problem.actual),
          }}
        />
      );
    case "not-found":
      return (
        <ProblemMessage
          name="notFound"
          values={{ roundId: locator.roundId.toString() }}
        />
      );
    case "unreachable":
      return <ProblemMessage name="unreachable" />;
    case "unexpected":
      return (
        <MessageScreen
          title={t("problem.unexpectedTitle")}
          body={problem.message}
          tone="error"
          action={
            <button type="button" onClick={() => window.location.reload()}>
              {t("app.retry")}
            </button>
          }
        />
      );
  }
}
