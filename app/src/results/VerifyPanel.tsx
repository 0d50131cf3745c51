import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Address, PublicClient } from "viem";

import { describeError } from "../chain/errors.ts";
import { verifyRound, type Check } from "./verify.ts";

/** The Verify button and the list of checks it ran. */
export function VerifyPanel({
  client,
  registry,
  roundId,
}: {
  client: PublicClient;
  registry: Address;
  roundId: bigint;
}) {
  const { t } = useTranslation();
  const [checks, setChecks] = useState<Check[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function verify() {
    setBusy(true);
    setError(undefined);
    try {
      setChecks(await verifyRound(client, registry, roundId));
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
    }
  }

  const passed = checks?.every((check) => check.ok);
  return (
    <section className="verify" aria-labelledby="verify-title">
      <h2 id="verify-title" className="visually-hidden">
        {t("results.verify")}
      </h2>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void verify()}
        >
          {busy ? t("results.verifying") : t("results.verify")}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {t("results.failed", { message: error })}
        </p>
      )}
      {checks && (
        <>
          <p role="status" className={passed ? "winner" : "field-error"}>
            {passed ? t("results.verified") : t("results.notVerified")}
          </p>
          <ul className="checks">
            {checks.map((check, index) => (
              <li
                key={index}
                className={check.ok ? "ok" : "bad"}
                data-ok={check.ok}
              >
                <span className="check-mark">
                  {check.ok ? t("results.pass") : t("results.fail")}
                </span>{" "}
                {t(`results.check_${check.name}`, check.values)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
