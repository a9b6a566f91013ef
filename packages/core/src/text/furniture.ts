import { parseDateline } from "./dateline";
import type { SkippedRange } from "./types";

/**
 * Page furniture: lines of a scraped page that are not article text. Line-based and general (no outlet-specific
 * strings beyond common agency names): advertisements, "Live updates:" banners, "Read more", share and sign-up
 * prompts, photo captions and credits, cookie notices, live-blog timestamps and "All times GMT" lines, bylines,
 * label captions, and paragraphs repeating an earlier paragraph (the repeat is skipped; the first occurrence stays).
 *
 * Each range covers one line without its line break. Every pattern is bounded or only tried on short lines, so the
 * pass is linear in the text length.
 */

/** Only lines up to this length are checked against the short-line patterns. */
const SHORT = 300;

const AGENCY =
  "(?:AFP|Reuters|AP|EPA(?:-EFE)?|EFE|Getty Images|Getty|Anadolu(?: Agency)?|Xinhua|UPI|WAFA|SANA|IRNA|TASS|Sputnik|" +
  "Shutterstock|Alamy|Bloomberg|NurPhoto|SOPA Images|AA|ANI|PTI|dpa|Pool|Handout|File)";

const SIMPLE: Array<[RegExp, string]> = [
  [/^(?:advertisement|sponsored(?: content)?|ad|promoted)(?:\s*[-:\u2013\u2014].{0,40})?$/i, "advertisement"],
  [/^live(?: updates?| blog| coverage)?\s*:/i, "live banner"],
  [/^live (?:coverage|blog|updates?) (?:from|on|of)\b/i, "live banner"],
  [/\ball times (?:are )?(?:in )?[A-Z]{2,5}(?:\s*\(?[+-]\d{1,2}\)?)?\.?$/i, "live banner"],
  [
    /^(?:latest|top|related|recommended|more|trending|most (?:read|popular|viewed))(?: (?:headlines|stories|news|articles|reading|videos|content|coverage))?:?$/i,
    "navigation",
  ],
  [/^(?:read|see|watch|listen)(?: more| also| next| the full)\b/i, "navigation"],
  [/^(?:continue reading|click here|follow us|download (?:the|our) app|skip to)\b/i, "navigation"],
  [
    /^(?:share|tweet|email|print|copy link|save|comment)(?: (?:this|the) (?:article|story|page))?(?: (?:on|via) [\w ]{1,20})?:?$/i,
    "share",
  ],
  [/^(?:sign up|subscribe|register|log in|newsletter)\b/i, "sign-up"],
  [/^\d+ of \d+\s*\|/, "caption"],
  [/\|\s*license photo\s*$/i, "caption"],
  [/\b(?:photo(?:graph)?s?|picture|image|video)(?: credit)?\s*(?::|by)\s*[^.!?]{1,80}$/i, "caption"],
  [/^(?:image (?:caption|source|copyright)|caption|file photo|photo)\b\s*[:,]/i, "caption"],
  [/^\(?(?:photo|image|picture)s?\s*:/i, "caption"],
  [
    /^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|local(?: time)?|[A-Z]{2,4}))?$/i,
    "timestamp",
  ],
  [/^(?:updated|published|last updated|posted|first published)\b.{0,80}\d.{0,40}$/i, "timestamp"],
  [/^(?:copyright|\u00a9|\(c\))\s/i, "copyright"],
];

/** A caption credit glued to the end of the line ("…AbbasReuters") or in brackets ("… (AFP)", "…/AFP"). */
const GLUED_CREDIT = new RegExp(`\\p{Ll}${AGENCY}(?:\\/${AGENCY})?$`, "u");
const BRACKET_CREDIT = new RegExp(`(?:\\(${AGENCY}(?:\\/${AGENCY})?\\)|\\s\\/\\s?${AGENCY}|\\/${AGENCY})$`, "u");
const CREDIT_SUFFIX = new RegExp(`^\\s*(?:[|/\\-\u2013\u2014(]\\s*)?${AGENCY}(?:\\s*\\/\\s*${AGENCY})?\\)?\\s*$`, "u");

const COOKIE = /\bcookies?\b/i;
const CONSENT = /\b(?:continu\w* to (?:use|browse)|you (?:agree|consent)|accept|privacy (?:policy|notice)|consent)\b/i;

/** Byline: "By Jane Doe", "By Jane Doe in Pretoria", "By Jane Doe and John Roe, Reuters". */
const BYLINE =
  /^By\s+\p{Lu}[\p{L}'.-]*(?:\s+(?:\p{Lu}[\p{L}'.-]*|and|in|from|for|of|the|de|al|bin|van|von|la|le|&|,)){0,12}\s*$/u;
const BYLINE_COMMA = /^By\s+\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,4},\s+\p{Lu}[\p{L}'.& -]{0,40}$/u;

/** A short name or label: capitalised words and particles only, no final punctuation. */
const LABEL = /^\p{Lu}[\p{L}'().-]*(?:\s+(?:\p{Lu}[\p{L}'().-]*|of|the|and|al|bin|de|el|von|van)){0,8}$/u;

const TERMINAL = /[.!?:;]["')\]]*$/;

/** White space other than a single space: what `\s+` → " " would change. */
const SPACE_RUN = /[^\S ]|\s\s/;

function dedupKey(line: string, lineStart: number, text: string): string {
  const d = parseDateline(text, lineStart);
  const body = d ? text.slice(d.end, lineStart + line.length) : line;
  // Most paragraphs have single spaces only; skip the copy `replace` would make for them.
  return (SPACE_RUN.test(body) ? body.replace(/\s+/g, " ") : body).trim().toLowerCase();
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    // trim
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) lines.push({ start: s, end: e, text: text.slice(s, e) });
    start = end + 1;
  }
  return lines;
}

/** Why a single line is furniture on its own, or null. */
export function furnitureReason(line: string): string | null {
  if (line.length > SHORT) {
    // Long lines are article text except for cookie notices (which can be long) and captions with photo credits.
    if (line.length < 1000 && COOKIE.test(line) && CONSENT.test(line)) return "cookie notice";
    return null;
  }
  for (const [re, reason] of SIMPLE) if (re.test(line)) return reason;
  if (COOKIE.test(line) && CONSENT.test(line)) return "cookie notice";
  if (line.length <= 120 && !/[.!?]$/.test(line) && (BYLINE.test(line) || BYLINE_COMMA.test(line))) return "byline";
  if (line.length <= 250 && (GLUED_CREDIT.test(line) || BRACKET_CREDIT.test(line))) return "caption";
  return null;
}

export function findFurniture(text: string): SkippedRange[] {
  const lines = splitLines(text);
  const out: SkippedRange[] = [];
  const skipped = new Array<boolean>(lines.length).fill(false);
  const seen = new Set<string>();

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const reason = furnitureReason(line.text);
    if (reason) {
      skipped[i] = true;
      out.push({ start: line.start, end: line.end, reason });
      continue;
    }
    const next = lines[i + 1];
    if (line.text.length <= 120 && next && !TERMINAL.test(line.text)) {
      // A label caption followed by itself with a credit ("NAME" then "NAMEReuters").
      if (next.text.startsWith(line.text) && CREDIT_SUFFIX.test(next.text.slice(line.text.length))) {
        skipped[i] = true;
        out.push({ start: line.start, end: line.end, reason: "caption" });
        continue;
      }
      // A short name label printed twice in a row: both copies are furniture.
      if (
        next.text === line.text &&
        line.text.length <= 80 &&
        line.text.split(" ").length <= 6 &&
        LABEL.test(line.text)
      ) {
        skipped[i] = true;
        skipped[i + 1] = true;
        out.push({ start: line.start, end: line.end, reason: "caption" });
        out.push({ start: next.start, end: next.end, reason: "caption" });
        i++;
        continue;
      }
    }
    // Repeated paragraph (possibly behind a dateline): annotate once, at the first occurrence.
    if (line.text.length >= 20) {
      const key = dedupKey(line.text, line.start, text);
      if (key.length >= 20) {
        if (seen.has(key)) {
          skipped[i] = true;
          out.push({ start: line.start, end: line.end, reason: "repeated paragraph" });
          continue;
        }
        seen.add(key);
      }
    } else {
      const prevLine = i > 0 ? lines[i - 1] : undefined;
      if (prevLine && skipped[i - 1] && prevLine.text === line.text) {
        skipped[i] = true;
        out.push({ start: line.start, end: line.end, reason: "repeated paragraph" });
      }
    }
  }
  return out;
}
