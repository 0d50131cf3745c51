export type Language = "ko" | "en";

/** The BCP 47 locale used to format numbers and dates in each language. */
export function localeOf(language: string): string {
  return language === "en" ? "en-GB" : "ko-KR";
}

/** Date and time fields of each `formatKst` style. */
const KST_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  full: { dateStyle: "medium", timeStyle: "medium" },
  // Month and day without the year, for tables of one round's events.
  "day-time": {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  },
  time: { timeStyle: "medium" },
};

/**
 * Formats UTC seconds in Korea Standard Time, the zone every round is run
 * in, whatever the tablet's own zone; the zone name is part of the text.
 */
export function formatKst(
  seconds: number | bigint | undefined,
  language: string,
  style: "full" | "day-time" | "time" = "full",
): string {
  if (seconds === undefined) return "—";
  const date = new Date(Number(seconds) * 1000);
  const format = new Intl.DateTimeFormat(localeOf(language), {
    timeZone: "Asia/Seoul",
    ...KST_STYLES[style],
    hourCycle: "h23",
  });
  return `${format.format(date)} KST`;
}

/** Formats hundredths of a point as points with up to two decimals. */
export function formatPoints(hundredths: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), {
    maximumFractionDigits: 2,
  }).format(hundredths / 100);
}

/**
 * Formats a published result (ten-thousandths of a point) with exactly
 * four decimals, digit-exact: the value is split as an integer, never
 * divided as a float.
 */
export function formatResultScore(
  tenThousandths: bigint,
  language: string,
): string {
  const whole = tenThousandths / 10_000n;
  const fraction = (tenThousandths % 10_000n).toString().padStart(4, "0");
  const wholeText = new Intl.NumberFormat(localeOf(language)).format(whole);
  return `${wholeText}.${fraction}`;
}

/** Formats a sum of money in minor units with the locale's grouping. */
export function formatMoney(units: bigint, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(units);
}

/** Formats a whole count. */
export function formatCount(count: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(count);
}
