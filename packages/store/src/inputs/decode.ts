/** Bytes → text, strictly: a NUL byte means binary, a bad byte sequence means not UTF-8. */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, message: "empty file" };
  if (looksBinary(bytes)) return { ok: false, message: "not a text file (binary content)" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, message: "not valid UTF-8" };
  }
}

/** Decodes a byte stream chunk by chunk; throws on binary content or invalid UTF-8. */
export async function* decodeStream(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  for await (const chunk of chunks) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    if (first && looksBinary(chunk)) throw new Error("not a text file (binary content)");
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new Error("not valid UTF-8");
    }
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new Error("not valid UTF-8");
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
