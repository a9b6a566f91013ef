import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * What `parley serve` checks on every request before the dashboard sees it, and the headers every response
 * carries. Pure functions of the request, so they are tested over real HTTP without building the web app.
 */

/** Loopback addresses need no login; any other bind address requires PARLEY_TOKEN on every request. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** The token a request carries: `Authorization: Bearer <token>` (CLI, scripts) or Basic with it as password (browsers). */
export function requestToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const i = decoded.indexOf(":");
    return i < 0 ? null : decoded.slice(i + 1);
  }
  return null;
}

/**
 * Constant-time comparison: both sides are hashed first, so `timingSafeEqual` always compares two 32-byte digests
 * and neither the token's characters nor its length leak through timing.
 */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** Replaces every occurrence of the token in text bound for a log. */
export function redact(text: string, token: string): string {
  return token ? text.split(token).join("[redacted]") : text;
}

/** Largest request body (an upload is at most 20 MB of text; JSON escaping adds a little). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Headers on every response. Pages replace the Content-Security-Policy with one carrying a per-request script nonce
 * (apps/web/src/proxy.ts); this strict default covers the API, static files and the server's own answers.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

export interface GuardOptions {
  /** The token every request must carry; null when serving on loopback (no login). */
  token: string | null;
  maxBodyBytes?: number;
}

export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host name of a Host header without its port: `127.0.0.1:3000` → `127.0.0.1`, `[::1]:80` → `::1`. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

/**
 * Why a request must not reach the dashboard, or null to let it through:
 * - on loopback, a Host that is not a loopback name (DNS rebinding: a web page whose name resolves to 127.0.0.1);
 * - off loopback, a missing or wrong token;
 * - a write (any method but GET, HEAD, OPTIONS) sent from another site (`Sec-Fetch-Site`, `Origin` not this host);
 * - an API write whose body is not `application/json` (an HTML form can only send form or text bodies), has no
 *   declared length, or is over the size limit.
 */
export function checkRequest(req: IncomingMessage, opts: GuardOptions): Refusal | null {
  const host = req.headers.host ?? "";
  if (opts.token === null && !isLoopback(hostName(host))) {
    return {
      status: 403,
      message: "Forbidden: this server answers only to a loopback address (127.0.0.1, localhost).",
    };
  }
  if (opts.token !== null && !tokenMatches(requestToken(req.headers.authorization), opts.token)) {
    return {
      status: 401,
      message: "Unauthorized: send PARLEY_TOKEN as a bearer token (or as the password).",
      headers: { "WWW-Authenticate": 'Basic realm="Parley", charset="UTF-8"' },
    };
  }
  const method = (req.method ?? "GET").toUpperCase();
  if (SAFE_METHODS.has(method)) return null;

  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none") {
    return { status: 403, message: `Forbidden: cross-site ${method} (Sec-Fetch-Site: ${site}).` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
    return { status: 403, message: `Forbidden: ${method} from another origin.` };
  }
  const path = (req.url ?? "/").split("?")[0]!;
  if (path.startsWith("/api/")) {
    const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") {
      return { status: 415, message: "Unsupported Media Type: API writes take Content-Type: application/json." };
    }
  }
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"]) return { status: 411, message: "Length Required." };
  } else if (!/^\d+$/.test(length) || Number(length) > (opts.maxBodyBytes ?? MAX_BODY_BYTES)) {
    return {
      status: 413,
      message: `Payload Too Large: requests are limited to ${Math.round((opts.maxBodyBytes ?? MAX_BODY_BYTES) / 1024 / 1024)} MB.`,
    };
  }
  return null;
}

/** Sets the security headers; later handlers (the page proxy) may replace the Content-Security-Policy. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

/** Answers a refused request in plain text, with the security headers. */
export function refuse(res: ServerResponse, r: Refusal): void {
  setSecurityHeaders(res);
  // The body of a refused request is never read: close the connection rather than drain it.
  if (r.status === 411 || r.status === 413) res.shouldKeepAlive = false;
  res.writeHead(r.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...r.headers });
  res.end(`${r.message}\n`);
}
