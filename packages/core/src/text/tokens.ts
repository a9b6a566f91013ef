/** A word, number or punctuation mark with its offsets into the normalised text. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: "word" | "number" | "punct";
  /** First character is an upper-case letter. */
  cap: boolean;
}

// Abbreviations with inner dots (U.S., U.N., a.m.), hyphenated and apostrophised words (al-Sisi, Shi'ite),
// numbers with separators, then any other single character. The possessive 's is split off afterwards.
const TOKEN_RE =
  /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:]\p{N}+)*|[^\s]/gu;
/** The same pattern, tried at one position: the fallback of the ASCII fast path in `tokenize`. */
const TOKEN_AT = new RegExp(TOKEN_RE.source, "uy");
const UPPER_RE = /^\p{Lu}/u;
const LETTER_RE = /^[\p{L}\p{M}]/u;

/** Splits `text[start, end)` into tokens. Linear time; offsets are absolute. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  const n = slice.length;
  let p = 0;
  while (p < n) {
    const q = asciiTokenEnd(slice, p);
    let raw: string;
    if (q > p) raw = slice.slice(p, q);
    else if (q === p) {
      p++; // ASCII white space
      continue;
    } else {
      TOKEN_AT.lastIndex = p;
      const m = TOKEN_AT.exec(slice);
      if (m === null) {
        p++; // other white space
        continue;
      }
      raw = m[0];
    }
    const at = start + p;
    p += raw.length;
    const kind = kindOf(raw);
    // Compounds need a hyphen and no apostrophe; contractions and possessives need an apostrophe. Most tokens have
    // neither, so they skip the regexes below.
    const apostrophe = kind === "word" && (raw.indexOf("'") >= 0 || raw.indexOf("’") >= 0);
    const parts = kind === "word" && !apostrophe && raw.indexOf("-") >= 0 ? splitCompound(raw) : null;
    if (parts === null && !apostrophe) {
      tokens.push(make(raw, at, kind));
      continue;
    }
    const possessive = kind === "word" && raw.length > 2 && /['’]s$/i.test(raw);
    if (parts) {
      let offset = at;
      parts.forEach((part, k) => {
        if (k > 0) {
          tokens.push(make("-", offset, "punct"));
          offset += 1;
        }
        tokens.push(make(part, offset, "word"));
        offset += part.length;
      });
    } else if (kind === "word" && /(n['’]t|['’](ll|re|ve|d|m))$/i.test(raw) && raw.length > 3) {
      // Contractions: "didn't" → "did" + "n't", "envoys'll" → "envoys" + "'ll".
      const cut = /n['’]t$/i.test(raw) ? raw.length - 3 : raw.search(/['’](ll|re|ve|d|m)$/i);
      const head = /^(can|won)n['’]t$/i.test(raw) ? raw.slice(0, -3) : raw.slice(0, cut);
      tokens.push(make(head, at, "word"));
      tokens.push(make(raw.slice(head.length), at + head.length, "word"));
    } else if (possessive) {
      const base = raw.slice(0, -2);
      tokens.push(make(base, at, "word"));
      tokens.push(make(raw.slice(-2), at + base.length, "word"));
    } else if (kind === "word" && raw.length > 1 && /s['’]$/.test(raw)) {
      tokens.push(make(raw.slice(0, -1), at, "word"));
      tokens.push(make(raw.slice(-1), at + raw.length - 1, "punct"));
    } else tokens.push(make(raw, at, kind));
  }
  return tokens;
}

const PARTICLES = /^(al|el|ad|ed|ul|bin|ibn|abu|ben|de|la|da|van|von|bint|abd)$/i;
const COMPOUND_TAILS =
  /^(led|run|backed|brokered|mediated|co-mediated|supplied|aligned|based|controlled|held|sponsored|allied|proposed|drafted|launched|occupied|style)$/;

/** "Israel-Hezbollah", "Egyptian-mediated", "US-led": names joined by a hyphen are separate tokens. */
function splitCompound(raw: string): string[] | null {
  if (!raw.includes("-") || !/^\p{Lu}/u.test(raw) || /['’]/.test(raw)) return null;
  const parts = raw.split("-");
  if (parts.some((p) => p === "") || PARTICLES.test(parts[0]!)) return null;
  const rest = parts.slice(1);
  if (
    rest.every((p) => /^\p{Lu}/u.test(p) && !PARTICLES.test(p)) ||
    (rest.length === 1 && COMPOUND_TAILS.test(rest[0]!))
  )
    return parts;
  return null;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * End of the token at `p` when it is plain ASCII and TOKEN_RE would match exactly it, `p` for ASCII white space, and
 * -1 when the regex has to decide (non-ASCII, abbreviations like "U.S.", apostrophes, hyphens, "1,200").
 */
function asciiTokenEnd(s: string, p: number): number {
  const c = s.charCodeAt(p);
  if (c >= 128) return -1;
  if (c === 32 || (c >= 9 && c <= 13)) return p;
  let q = p + 1;
  if (isAsciiLetter(c)) {
    while (q < s.length && (isAsciiLetter(s.charCodeAt(q)) || isDigit(s.charCodeAt(q)))) q++;
    if (q === s.length) return q;
    const d = s.charCodeAt(q);
    // ' and - may continue the word, "x." may open an abbreviation, non-ASCII may be a letter, mark or digit
    return d >= 128 || d === 39 || d === 45 || (d === 46 && q === p + 1) ? -1 : q;
  }
  if (isDigit(c)) {
    while (q < s.length && isDigit(s.charCodeAt(q))) q++;
    if (q === s.length) return q;
    const d = s.charCodeAt(q);
    return d >= 128 || d === 46 || d === 44 || d === 58 ? -1 : q;
  }
  return q; // any other ASCII character is a token on its own
}

/** Word, number or punctuation by the first character; ASCII is decided without a regex. */
function kindOf(raw: string): Token["kind"] {
  const c = raw.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return "word";
  if (c >= 48 && c <= 57) return "number";
  if (c < 128) return "punct";
  return LETTER_RE.test(raw) ? "word" : /^\p{N}/u.test(raw) ? "number" : "punct";
}

function make(text: string, start: number, kind: Token["kind"]): Token {
  const c = text.charCodeAt(0);
  const cap = c < 128 ? c >= 65 && c <= 90 : UPPER_RE.test(text);
  return { text, lower: text.toLowerCase(), start, end: start + text.length, kind, cap };
}

export function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && (t.lower === "'s" || t.lower === "’s" || t.text === "'" || t.text === "’");
}
