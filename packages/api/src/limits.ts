/**
 * Upload limits the server enforces and the dashboard checks before sending. No imports: the browser bundle
 * reads this module (`@parley/api/limits`) without pulling in the store.
 */

/** Largest uploaded file, in bytes of UTF-8. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The file types an upload may have (the store's readers: text, HTML, JSON, JSON Lines, CSV). */
export const UPLOAD_EXTENSIONS = [
  ".txt",
  ".text",
  ".md",
  ".html",
  ".htm",
  ".json",
  ".jsonl",
  ".ndjson",
  ".csv",
] as const;

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The extension of a file name, lower-case with its dot ("" when there is none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** Why a file of this name and size cannot be uploaded (type or size), or null. */
export function uploadRefusal(name: string, bytes: number): string | null {
  const ext = extensionOf(name);
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
    return `unsupported file type ${ext ? `"${ext}"` : "(no extension)"}: upload ${UPLOAD_EXTENSIONS.join(", ")}`;
  }
  if (bytes > MAX_UPLOAD_BYTES) return `${megabytes(bytes)} is over the ${megabytes(MAX_UPLOAD_BYTES)} limit per file`;
  return null;
}
