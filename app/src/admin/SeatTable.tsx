import { useTranslation } from "react-i18next";

import type { RoundProgress, SeatProgress } from "../chain/progress.ts";
import { formatKst } from "../lib/format.ts";

/** Per-seat progress with times in KST; never scores. */
export function SeatTable({
  progress,
  onReissue,
  onEscrowReveal,
}: {
  progress: RoundProgress;
  onReissue?: (seat: SeatProgress) => void;
  onEscrowReveal?: (seat: SeatProgress) => void;
}) {
  const { t, i18n } = useTranslation();
  const time = (seconds?: number) =>
    seconds === undefined ? "—" : formatKst(seconds, i18n.language, "day-time");
  const canReissue = (seat: SeatProgress) =>
    progress.phase === "scoring" &&
    (seat.state === "invited" || seat.state === "claimed");
  const canReveal = (seat: SeatProgress) =>
    progress.phase === "revealing" && seat.state === "committed";

  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t("round.progress")}
    >
      <table className="seat-table">
        <caption>{t("round.progress")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("round.seat")}</th>
            <th scope="col">{t("round.state")}</th>
            <th scope="col">{t("round.invitedAt")}</th>
            <th scope="col">{t("round.claimedAt")}</th>
            <th scope="col">{t("round.committedAt")}</th>
            <th scope="col">{t("round.revealedAt")}</th>
            <th scope="col">{t("round.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {progress.seats.map((seat) => (
            <tr key={seat.seat} data-seat={seat.seat} data-state={seat.state}>
              <th scope="row">{seat.seat + 1}</th>
              <td>
                <span className={`state state-${seat.state}`}>
                  {t(`round.state_${seat.state}`)}
                </span>
              </td>
              <td>{time(seat.invitedAt)}</td>
              <td>{time(seat.claimedAt)}</td>
              <td>{time(seat.committedAt)}</td>
              <td>{time(seat.revealedAt)}</td>
              <td>
                {onReissue && canReissue(seat) && (
                  <button type="button" onClick={() => onReissue(seat)}>
                    {t("round.reissue", { seat: seat.seat + 1 })}
                  </button>
                )}
                {onEscrowReveal && canReveal(seat) && (
                  <button type="button" onClick={() => onEscrowReveal(seat)}>
                    {t("round.escrowReveal", { seat: seat.seat + 1 })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
