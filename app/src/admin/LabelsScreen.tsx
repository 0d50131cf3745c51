import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { privateKeyToAddress } from "viem/accounts";

import { loadRound, type RoundInfo } from "../chain/round.ts";
import { useRoundWatcher } from "../chain/watch.ts";
import { evaluatorHash, type SeatLocator } from "../lib/route.ts";
import { Screen } from "../ui/Screen.tsx";
import type { AdminContext } from "./AdminApp.tsx";
import type { RoundSecrets } from "./admin-store.ts";

/** Builds the tablet link of a seat on this app's origin. */
export function tabletUrl(
  locator: SeatLocator,
  inviteKey: `0x${string}`,
): string {
  const base = `${window.location.origin}${window.location.pathname}`;
  return `${base}${evaluatorHash(locator, inviteKey)}`;
}

/** Loads the round and its invite keys, then shows the labels. */
export function LabelsScreen({
  context,
  roundId,
}: {
  context: AdminContext;
  roundId: bigint;
}) {
  const { t } = useTranslation();
  const { client, config, store } = context;
  const [round, setRound] = useState<RoundInfo>();
  const [secrets, setSecrets] = useState<RoundSecrets | null>();

  useEffect(() => {
    void Promise.all([
      loadRound(client, config.registry, roundId),
      store.loadSecrets(config.chainId, config.registry, roundId),
    ]).then(([loaded, stored]) => {
      setRound(loaded);
      setSecrets(stored ?? null);
    });
  }, [client, config, store, roundId]);

  if (!round || secrets === undefined) {
    return <p className="loading">{t("app.loading")}</p>;
  }
  return <Labels context={context} round={round} secrets={secrets} />;
}

/**
 * A printable sheet with one label per seat: the seat number and the QR
 * code of its tablet link. A seat whose invite on chain is no longer the
 * key kept here (claimed, or reissued elsewhere) gets no code.
 */
function Labels({
  context,
  round,
  secrets,
}: {
  context: AdminContext;
  round: RoundInfo;
  secrets: RoundSecrets | null;
}) {
  const { t } = useTranslation();
  const { client, config } = context;
  const { state } = useRoundWatcher(client, config.registry, round);
  const [images, setImages] = useState<Record<string, string>>();

  // A reissue in a browser that had no keys leaves gaps (stored as null).
  const keys = (secrets?.inviteKeys ?? []).map((key) =>
    typeof key === "string" ? key : undefined,
  );
  useEffect(() => {
    let active = true;
    void Promise.all(
      keys
        .flatMap((key, seat) => (key ? [[key, seat] as const] : []))
        .map(async ([key, seat]) => {
          const url = tabletUrl(
            {
              chainId: config.chainId,
              registry: config.registry,
              roundId: round.roundId,
              seat,
            },
            key,
          );
          const image = await QRCode.toDataURL(url, {
            errorCorrectionLevel: "M",
            margin: 2,
            width: 320,
          });
          return [key, image] as const;
        }),
    ).then((entries) => {
      if (active) setImages(Object.fromEntries(entries));
    });
    return () => {
      active = false;
    };
  }, [keys.join(","), config, round.roundId]);

  return (
    <Screen title={t("labels.title")} className="labels-screen">
      <p className="no-print">
        <a href={`#/admin/round/${round.roundId}`}>
          {t("round.title", { id: round.roundId.toString() })}
        </a>
      </p>
      <p className="no-print">{t("labels.intro")}</p>
      <div className="actions no-print">
        <button
          type="button"
          className="primary"
          onClick={() => window.print()}
        >
          {t("labels.print")}
        </button>
      </div>
      <ul
        className="labels"
        aria-busy={images === undefined || state.checkedAt === undefined}
      >
        {state.progress.seats.map((seat) => {
          const key = keys[seat.seat];
          const current =
            typeof key === "string" &&
            seat.state === "invited" &&
            privateKeyToAddress(key).toLowerCase() ===
              seat.invite.toLowerCase();
          return (
            <li key={seat.seat} className="label" data-seat={seat.seat}>
              <p className="label-round">
                {round.title} ({round.referenceNumber})
              </p>
              <p className="label-seat">
                {t("labels.seatLabel", { seat: seat.seat + 1 })}
              </p>
              {current && images?.[key] ? (
                <>
                  <img
                    src={images?.[key]}
                    width={240}
                    height={240}
                    alt={t("labels.seatLabel", { seat: seat.seat + 1 })}
                    data-url={tabletUrl(
                      {
                        chainId: config.chainId,
                        registry: config.registry,
                        roundId: round.roundId,
                        seat: seat.seat,
                      },
                      key,
                    )}
                  />
                  <p className="label-hint">{t("labels.scan")}</p>
                </>
              ) : (
                <p className="label-hint">
                  {seat.state === "invited"
                    ? t("labels.missing")
                    : t("labels.used")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}
