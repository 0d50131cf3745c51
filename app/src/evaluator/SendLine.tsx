import { useTranslation } from "react-i18next";

import type { SendStatus } from "./useSender.ts";

/**
 * A one-line status above the sheet: offline, a queued or failed
 * transaction. It renders nothing while all is well.
 */
export function SendLine({
  status,
  online,
}: {
  status: SendStatus;
  online: boolean;
}) {
  const { t } = useTranslation();
  let text = "";
  let tone = "info";
  if (!online) {
    text = t("status.offline");
    tone = "warning";
  } else if (status.state === "queued") {
    text = t("status.queued");
    tone = "warning";
  } else if (status.state === "failed") {
    text =
      status.action === "claim"
        ? t("pledge.failed", { message: status.message })
        : t("waiting.failed", { message: status.message });
    tone = "error";
  } else if (status.state === "sending" && status.action === "claim") {
    text = t("pledge.signing");
  }
  return (
    <p className={`send-line ${tone}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
