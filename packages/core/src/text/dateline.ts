/**
 * Datelines: the "PLACE, Month Day (Outlet) — " prefix wire copy puts before the lead.
 *
 * Recognised shapes (each bounded, so a match costs O(1) however long the paragraph is):
 * - upper-case place, optional ", Month Day[, Year]", optional "(Outlet)" or "/Outlet/", then a dash, "--" or ". ":
 *   "VIENNA (Levant Wire) — ", "KYIV, Jan 31 (Black Sea Wire) - ", "HAVANA — ", "MOSCOW, July 9 /TASS/."
 * - a date and an outlet without a place: "March 7 (UPI) -- "
 * - a mixed-case place and a colon: "Cairo: " (only one to three capitalised words, none a weekday, month or common
 *   sentence opener, followed by an upper-case letter).
 * A year is given only when the dateline states it.
 */
export interface Dateline {
  start: number;
  end: number;
  place: string | null;
  outlet: string | null;
  month: number | null;
  day: number | null;
  year: number | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH_RE =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
/** ", Month Day[, Year]" or " Month Day" — groups: month, day, year. */
const DATE_PART = `(?:,?\\s${MONTH_RE}\\s(\\d{1,2})(?:,\\s(\\d{4}))?)`;
/** An outlet in parentheses or slashes — groups: paren outlet, slash outlet. */
const OUTLET_PART = `(?:\\s?\\(([^()\\n]{1,40})\\)|\\.?\\s?\\/([A-Za-z][A-Za-z .-]{0,20})\\/)`;
/** The separator: a dash with spaces, "--", a colon, or the period after "/TASS/". */
const SEP = "(?:\\s{0,3}(?:--|[-\u2013\u2014:])(?=\\s|$)\\s{0,3}|\\.(?=\\s|$)\\s{0,3})";

/** Upper-case place: "GAZA CITY", "DOHA/JERUSALEM", "ST. PETERSBURG", "N'DJAMENA". */
const CAPS_PLACE = "(\\p{Lu}[\\p{Lu}'.\\-]{0,24}(?:[ /]\\p{Lu}[\\p{Lu}'.\\-]{0,24}){0,4})";

const CAPS_DATELINE = new RegExp(`${CAPS_PLACE}${DATE_PART}?${OUTLET_PART}?${SEP}`, "uy");
const DATE_DATELINE = new RegExp(`${MONTH_RE}\\s(\\d{1,2})(?:,\\s(\\d{4}))?${OUTLET_PART}${SEP}`, "uy");
const COLON_DATELINE = /(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}):\s{1,3}(?=["'\p{Lu}])/uy;

/** Capitalised words that begin sentences or labels, never a colon dateline's place. */
const NOT_PLACES = new Set(
  (
    "on in at by for from the this that these those a an and but or so if when while after before update updates " +
    "note editor editors warning breaking watch read analysis opinion exclusive live photo photos video source " +
    "sources correction clarification related more share comment comments q a answer question summary background " +
    "today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april " +
    "may june july august september october november december he she it they we i you his her their our also " +
    "meanwhile however earlier later here there what why how who where key timeline explainer factbox " +
    "spokesman spokeswoman statement quote"
  ).split(" "),
);

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s/\-'])(\p{Ll})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

function monthOf(s: string | undefined): number | null {
  if (!s) return null;
  return MONTHS[s.toLowerCase().replace(/\.$/, "")] ?? null;
}

function dayOf(s: string | undefined): number | null {
  if (!s) return null;
  const d = Number(s);
  return d >= 1 && d <= 31 ? d : null;
}

export function parseDateline(text: string, at: number): Dateline | null {
  if (at < 0 || at >= text.length) return null;
  const c = text.charCodeAt(at);
  // fast reject: a dateline starts with a letter
  if (!((c >= 65 && c <= 90) || c >= 0xc0)) return null;

  CAPS_DATELINE.lastIndex = at;
  let m = CAPS_DATELINE.exec(text);
  if (m) {
    const place = m[1]!;
    const hasDate = m[2] !== undefined;
    const outlet = m[5] ?? m[6] ?? null;
    const letters = place.replace(/[^\p{L}]/gu, "");
    const sepIsDot = /\.\s*$/.test(m[0]);
    const strong = hasDate || outlet !== null;
    const ok =
      letters.length >= 2 &&
      (!sepIsDot || m[6] !== undefined) &&
      (strong || letters.length >= 3) &&
      !place.split(/[ /]/).some((w) => NOT_PLACES.has(w.toLowerCase()));
    if (ok) {
      const day = dayOf(m[3]);
      return {
        start: at,
        end: at + m[0].length,
        place: titleCase(place.replace(/[.\-']+$/, "")),
        outlet: outlet ? outlet.trim() : null,
        month: day !== null ? monthOf(m[2]) : null,
        day,
        year: day !== null && m[4] ? Number(m[4]) : null,
      };
    }
  }

  DATE_DATELINE.lastIndex = at;
  m = DATE_DATELINE.exec(text);
  if (m) {
    const day = dayOf(m[2]);
    if (day !== null) {
      return {
        start: at,
        end: at + m[0].length,
        place: null,
        outlet: (m[4] ?? m[5] ?? "").trim() || null,
        month: monthOf(m[1]),
        day,
        year: m[3] ? Number(m[3]) : null,
      };
    }
  }

  COLON_DATELINE.lastIndex = at;
  m = COLON_DATELINE.exec(text);
  if (m) {
    const words = m[1]!.split(/[ -]/);
    if (words.every((w) => !NOT_PLACES.has(w.toLowerCase()))) {
      return { start: at, end: at + m[0].length, place: m[1]!, outlet: null, month: null, day: null, year: null };
    }
  }
  return null;
}
