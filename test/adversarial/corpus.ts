/**
 * The adversarial corpus (issue 6, "Bad input"): inputs written to break a reader or the extractor.
 * Small text items are committed next to this file; binary and huge items are generated at test time by
 * `writeAdversarialCorpus` so the repository holds no large or binary files.
 *
 * Every item must end as either a clear per-item error (naming the file and the problem) or a valid analysis;
 * never a crash, a hang or a corrupt store. `expect` says which outcome each reader should give:
 * - `error`: the reader rejects the file, with a message matching `error`;
 * - `analysis`: the file is read and analysed;
 * - `either`: both are acceptable (e.g. deeply nested HTML, where the store's HTML reader may find no article text).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Outcome = { kind: "analysis" } | { kind: "error"; error: RegExp } | { kind: "either" };

export interface AdversarialItem {
  /** File name written into the test directory (the extension selects the store's reader). */
  name: string;
  /** What the item attacks. */
  what: string;
  /** Bytes of the item: read from the committed file or generated. */
  bytes(): Buffer;
  /** The committed file this item comes from, or null when generated. */
  committed: string | null;
  cli: Outcome;
  store: Outcome;
}

export const ADVERSARIAL_DIR = dirname(fileURLToPath(import.meta.url));

const ANALYSIS: Outcome = { kind: "analysis" };
const EITHER: Outcome = { kind: "either" };
const err = (error: RegExp): Outcome => ({ kind: "error", error });

function committed(name: string, what: string, cli: Outcome = ANALYSIS, store: Outcome = ANALYSIS): AdversarialItem {
  return { name, what, committed: name, bytes: () => readFileSync(join(ADVERSARIAL_DIR, name)), cli, store };
}

function generated(
  name: string,
  what: string,
  bytes: () => Buffer,
  cli: Outcome = ANALYSIS,
  store: Outcome = ANALYSIS,
): AdversarialItem {
  return { name, what, committed: null, bytes, cli, store };
}

const LEAD =
  "Mediators return to Cairo\n\nEgyptian mediators met a Hamas delegation in Cairo on Monday, officials said. ";

/** UTF-16 with a byte-order mark. */
function utf16(text: string, endian: "le" | "be"): Buffer {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  if (endian === "le") return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

/** 20 MB on one line: running prose with a few actors and numbers, no line break, and no sentence end at the end. */
function hugeLine(): Buffer {
  const prose = [
    "The weather in the capital was mild on Tuesday and the markets stayed open late,",
    "with 300 stalls selling bread, oil and fruit to crowds that had waited since the morning.",
    "Officials said the talks could resume once the roads were cleared, but nobody gave a date.",
    "Traders counted their stock, drivers argued about fuel, and the radio played old songs",
  ];
  const target = 20 * 1024 * 1024;
  const parts: string[] = ["Twenty megabytes on one line: "];
  let size = parts[0]!.length;
  for (let i = 0; size < target; i++) {
    const s = `${prose[i % prose.length]!} ${i % 7 === 0 ? `Egypt urged calm on day ${i}.` : ""} `;
    parts.push(s);
    size += s.length;
  }
  parts.push("and the line ends here without a full stop");
  return Buffer.from(parts.join(""), "utf8");
}

/**
 * One line dense with actor mentions and events: analysis time grows with the square of the mentions in an
 * article (actors/mentions.ts: `parties` → `mostMentionedSides` rescans every mention per mention). About 1 MB.
 */
function denseMentionsLine(): Buffer {
  const s = "Qatar urged both sides to accept the plan, and Israel rejected the proposal on Tuesday. ";
  return Buffer.from(`Dense mentions ${s.repeat(12_000)}`, "utf8");
}

/** 100,000 tiny sentences, each different, 50 to a paragraph. */
function tinySentences(): Buffer {
  const bits = ["Talks", "No", "Hamas met", "Qatar urged", "Yes", "Why", "Egypt", "Killed", "Ok", "Doha"];
  const out: string[] = ["Tiny sentences\n"];
  for (let i = 0; i < 100_000; i++)
    out.push(`${bits[i % bits.length]} ${i}${i % 3 ? "." : "!"}`, i % 50 === 49 ? "\n" : " ");
  return Buffer.from(out.join(""), "utf8");
}

/** 50,000 nested divs around a short story. */
function nestedHtml(): Buffer {
  const depth = 50_000;
  const body =
    "<p>Egyptian mediators met a Hamas delegation in Cairo on Monday, officials said.</p>" +
    "<p>Qatar urged both sides to accept the plan. At least 40 people were killed overnight.</p>";
  const html = `<!doctype html><html><head><title>Deep nesting</title></head><body>${"<div>".repeat(depth)}${body}${"</div>".repeat(depth)}</body></html>`;
  return Buffer.from(html, "utf8");
}

/** JSON lines whose escapes decode to NUL, a lone surrogate and C1 controls: legal JSON, hostile to databases. */
function escapesJsonl(): Buffer {
  const lines = [
    '{"title":"NUL inside","text":"Egyptian mediators met\\u0000 a Hamas delegation in Cairo on Monday. Qatar urged calm."}',
    '{"title":"Lone surrogate","text":"Qatar urged both sides \\ud800 to accept the plan. Israel rejected\\udfff the proposal."}',
    '{"title":"C1 controls","text":"Hamas rejected\\u0085 the truce\\u009b on Friday. The envoy left Doha.\\u2028Talks resume."}',
    '{"title":"Empty text","text":""}',
    '{"title":"Not text","text":42}',
    "{broken json",
  ];
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

export const ADVERSARIAL_ITEMS: AdversarialItem[] = [
  committed("empty.txt", "an empty file", err(/empty/i), err(/empty/i)),
  committed("whitespace-only.txt", "spaces, tabs and line breaks only", err(/whitespace|empty/i), err(/empty/i)),
  generated(
    "binary.txt",
    "binary content with NUL bytes",
    () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    err(/binary/i),
    err(/binary/i),
  ),
  generated(
    "invalid-utf8.txt",
    "bytes that are not UTF-8 (Latin-1 é, a lone continuation byte, an overlong encoding)",
    () =>
      Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" talks "), Buffer.from([0x80, 0xc0, 0xaf])]),
    err(/utf-8/i),
    err(/utf-8/i),
  ),
  generated("utf16-le-bom.txt", "UTF-16 little-endian with a byte-order mark", () =>
    utf16(`${LEAD}Qatar urged both sides to accept the plan.\n`, "le"),
  ),
  generated("utf16-be-bom.txt", "UTF-16 big-endian with a byte-order mark", () =>
    utf16(`${LEAD}Israel rejected the proposal on Tuesday.\n`, "be"),
  ),
  generated("huge-line.txt", "20 MB on a single line", hugeLine),
  generated("tiny-sentences.txt", "100,000 tiny sentences", tinySentences),
  generated(
    "dense-mentions-line.txt",
    "1 MB on one line, two actors and two events in every sentence",
    denseMentionsLine,
  ),
  generated("nested.html", "50,000 nested divs", nestedHtml, ANALYSIS, EITHER),
  committed("html-scripts.html", "HTML with scripts, event handlers and javascript: URLs"),
  committed("rtl-arabic.txt", "right-to-left Arabic"),
  committed("rtl-hebrew.txt", "right-to-left Hebrew"),
  committed("mixed-scripts.txt", "Latin, Cyrillic, Arabic, Hebrew, Greek, CJK and Devanagari in one story"),
  committed("control-characters.txt", "C0 and C1 control characters, escape sequences, a lone CR"),
  committed("zero-width.txt", "zero-width joiners and spaces, BOM inside text, bidi overrides and isolates"),
  committed("emoji.txt", "emoji, flags, skin tones, keycaps and ZWJ sequences"),
  committed("numbers.txt", 'numbers like "1e309", "٣٠٠", 80-digit integers, impossible dates'),
  generated("escapes.jsonl", "JSON lines decoding to NUL, a lone surrogate, C1 controls; bad records", escapesJsonl),
];

/** Writes every item into `dir`; returns the paths by item name. */
export function writeAdversarialCorpus(dir: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const item of ADVERSARIAL_ITEMS) {
    const p = join(dir, item.name);
    writeFileSync(p, item.bytes());
    paths.set(item.name, p);
  }
  return paths;
}
