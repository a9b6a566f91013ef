/**
 * Bytes → text, strictly: UTF-8, or UTF-16 when the bytes start with its byte-order mark (Windows tools write it);
 * otherwise a NUL byte means binary and a bad byte sequence means not UTF-8.
 */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

type Encoding = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding a byte-order mark announces (UTF-16 only; a UTF-8 BOM is plain UTF-8). */
function bomEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

const LABEL: Record<Encoding, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16 LE", "utf-16be": "UTF-16 BE" };

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, message: "empty file" };
  const encoding = bomEncoding(bytes);
  if (encoding !== "utf-8") {
    if (bytes.length % 2 !== 0) return { ok: false, message: `not valid ${LABEL[encoding]} (odd number of bytes)` };
    if (bytes.length === 2) return { ok: false, message: "empty file" };
  } else if (looksBinary(bytes)) return { ok: false, message: "not a text file (binary content)" };
  try {
    // The decoder drops the byte-order mark (ignoreBOM: false).
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, message: `not valid ${LABEL[encoding]}` };
  }
}

/** Decodes a byte stream chunk by chunk; throws on binary content or invalid UTF-8. */
export async function* decodeStream(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<string> {
  let decoder = new TextDecoder("utf-8", { fatal: true });
  let encoding: Encoding = "utf-8";
  let first = true;
  for await (const chunk of chunks) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    if (first) {
      encoding = bomEncoding(chunk);
      if (encoding !== "utf-8") decoder = new TextDecoder(encoding, { fatal: true });
      else if (looksBinary(chunk)) throw new Error("not a text file (binary content)");
    }
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new Error(`not valid ${LABEL[encoding]}`);
    }
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new Error(`not valid ${LABEL[encoding]}`);
  }
}

/** Splits decoded text into lines (1-based numbers), keeping memory to one line. */
export async function* lines(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let buf = "";
  let n = 0;
  for await (const t of text) {
    buf += t;
    let i = buf.indexOf("\n");
    while (i >= 0) {
      n++;
      yield { line: n, text: buf.slice(0, i).replace(/\r$/, "") };
      buf = buf.slice(i + 1);
      i = buf.indexOf("\n");
    }
  }
  if (buf.length > 0) yield { line: n + 1, text: buf.replace(/\r$/, "") };
}
