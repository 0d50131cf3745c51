const kstFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Seoul",
  dateStyle: "short",
  timeStyle: "medium",
});

const utcFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "UTC",
  dateStyle: "short",
  timeStyle: "medium",
});

/** Formats UTC seconds as "2026-12-04 17:00:00 KST (08:00:00 UTC)". */
export function formatTime(seconds: bigint | number): string {
  const date = new Date(Number(seconds) * 1000);
  const kst = kstFormat.format(date);
  const utc = utcFormat.format(date);
  const utcShown = utc.slice(0, 10) === kst.slice(0, 10) ? utc.slice(11) : utc;
  return `${kst} KST (${utcShown} UTC)`;
}

/** Returns a time in UTC seconds in both zones, for JSON output. */
export function timeFields(seconds: bigint | number): {
  unix: number;
  utc: string;
  kst: string;
} {
  const unix = Number(seconds);
  const date = new Date(unix * 1000);
  return {
    unix,
    utc: date.toISOString().replace(".000Z", "Z"),
    kst: `${kstFormat.format(date).replace(" ", "T")}+09:00`,
  };
}
