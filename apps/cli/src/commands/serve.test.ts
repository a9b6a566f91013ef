import { createServer, type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { guardedListener, isLoopback, requestToken, tokenMatches } from "./serve";
import { checkRequest, hostName, MAX_BODY_BYTES, redact, SECURITY_HEADERS } from "./serve-guard";

describe("serve access rules", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.4.5.6", true],
    ["localhost", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["192.168.1.10", false],
    ["::", false],
    ["example.org", false],
  ])("loopback(%s) = %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it("reads the token from a bearer header or a Basic password", () => {
    expect(requestToken("Bearer abc123")).toBe("abc123");
    expect(requestToken("bearer abc123")).toBe("abc123");
    expect(requestToken(`Basic ${Buffer.from("analyst:s3cret:with:colons").toString("base64")}`)).toBe(
      "s3cret:with:colons",
    );
    expect(requestToken(`Basic ${Buffer.from("no-colon").toString("base64")}`)).toBeNull();
    expect(requestToken(undefined)).toBeNull();
    expect(requestToken("Token abc")).toBeNull();
    expect(requestToken("Bearer")).toBeNull();
  });

  it("reads the host name of a Host header", () => {
    expect(hostName("127.0.0.1:3000")).toBe("127.0.0.1");
    expect(hostName("LOCALHOST")).toBe("localhost");
    expect(hostName("[::1]:8080")).toBe("::1");
    expect(hostName("evil.example:80")).toBe("evil.example");
  });

  it("compares tokens whatever their lengths", () => {
    expect(tokenMatches("correct-horse-battery", "correct-horse-battery")).toBe(true);
    expect(tokenMatches("correct-horse-batterY", "correct-horse-battery")).toBe(false);
    expect(tokenMatches("short", "correct-horse-battery")).toBe(false);
    expect(tokenMatches("", "correct-horse-battery")).toBe(false);
    expect(tokenMatches(null, "correct-horse-battery")).toBe(false);
  });
});

/** A real HTTP server with serve's listener in front of a stand-in for the web app that records what reached it. */
async function guarded(token: string | null, fail?: Error) {
  const reached: string[] = [];
  const logs: string[] = [];
  const server = createServer(
    guardedListener(
      async (req, res) => {
        reached.push(`${req.method} ${req.url}`);
        if (fail) throw fail;
        res.setHeader("Content-Type", "text/html");
        res.end("<p>dashboard</p>");
      },
      token,
      (line) => logs.push(line),
    ),
  );
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    reached,
    logs,
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** A raw HTTP/1.1 request (fetch would fix the Host, Origin and Sec-Fetch-* headers a browser or attacker sends). */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, setHost: !("Host" in headers) }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

const TOKEN = "s3cret-token-for-tests-0123";
const bearer = { Authorization: `Bearer ${TOKEN}` };
const json = { "Content-Type": "application/json" };

describe("parley serve over HTTP: token off loopback", () => {
  it("refuses every request without the right token: pages, the API, static files, any method", async () => {
    const s = await guarded(TOKEN);
    try {
      for (const path of ["/", "/timeline?actor=Qatar", "/api/trpc/corpus.stats", "/_next/static/chunks/main.js"]) {
        const tries: Record<string, string>[] = [
          {},
          { Authorization: "Bearer wrong" },
          { Authorization: `Bearer ${TOKEN}x` },
        ];
        for (const headers of tries) {
          const r = await raw(s.port, "GET", path, headers);
          expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
          expect(r.headers["www-authenticate"]).toMatch(/^Basic realm="Parley"/);
          expect(r.body).not.toContain(TOKEN);
        }
      }
      const post = await raw(s.port, "POST", "/api/trpc/ingest.text", json, "{}");
      expect(post.status).toBe(401);
      // The token in the URL is not a credential (and so never needs to be in one).
      expect((await raw(s.port, "GET", `/?token=${TOKEN}`, {})).status).toBe(401);
      expect(s.reached).toEqual([]);

      expect((await raw(s.port, "GET", "/", bearer)).status).toBe(200);
      const basic = { Authorization: `Basic ${Buffer.from(`anyone:${TOKEN}`).toString("base64")}` };
      expect((await raw(s.port, "GET", "/api/trpc/corpus.stats", basic)).status).toBe(200);
      expect(s.reached).toEqual(["GET /", "GET /api/trpc/corpus.stats"]);
    } finally {
      await s.close();
    }
  });

  it("never writes the token to the log, even when an error carries it", async () => {
    const s = await guarded(TOKEN, new Error(`upstream said: authorization=Bearer ${TOKEN}`));
    try {
      const r = await raw(s.port, "GET", "/", bearer);
      expect(r.status).toBe(500);
      expect(r.body).toBe("Internal server error\n");
      expect(s.logs.join("\n")).toContain(
        "[parley] request failed: Error: upstream said: authorization=Bearer [redacted]",
      );
      expect(s.logs.join("\n")).not.toContain(TOKEN);
    } finally {
      await s.close();
    }
  });

  it("redacts every occurrence", () => {
    expect(redact(`a ${TOKEN} b ${TOKEN}`, TOKEN)).toBe("a [redacted] b [redacted]");
    expect(redact("nothing here", TOKEN)).toBe("nothing here");
  });
});

describe("parley serve over HTTP: loopback", () => {
  it("answers only to loopback host names (no DNS rebinding)", async () => {
    const s = await guarded(null);
    try {
      for (const host of ["127.0.0.1", `127.0.0.1:${s.port}`, `localhost:${s.port}`, `[::1]:${s.port}`]) {
        expect((await raw(s.port, "GET", "/", { Host: host })).status, host).toBe(200);
      }
      for (const host of [`evil.example:${s.port}`, "attacker.test", `127.0.0.1.nip.io:${s.port}`, ""]) {
        const r = await raw(s.port, "GET", "/api/trpc/corpus.export", { Host: host });
        expect(r.status, host).toBe(403);
      }
      expect(s.reached).toHaveLength(4);
    } finally {
      await s.close();
    }
  });
});

describe("parley serve over HTTP: cross-site writes (CSRF)", () => {
  it("refuses a forged form POST and cross-origin writes with 403; the dashboard's own writes pass", async () => {
    const s = await guarded(null);
    const self = `http://127.0.0.1:${s.port}`;
    try {
      const forged: Record<string, string>[] = [
        // An HTML form on another site posting to the API (a "simple" request: no preflight).
        {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: "https://evil.example",
          "Sec-Fetch-Site": "cross-site",
        },
        { "Content-Type": "text/plain", Origin: "null", "Sec-Fetch-Site": "cross-site" },
        // fetch() from another site, even claiming JSON (its preflight would fail too: no CORS headers are sent).
        { ...json, Origin: "https://evil.example" },
        { ...json, "Sec-Fetch-Site": "cross-site" },
        // Another app on this machine (same site, other port).
        { ...json, Origin: "http://127.0.0.1:1", "Sec-Fetch-Site": "same-site" },
        { ...json, Origin: "http://127.0.0.1:1" },
      ];
      for (const headers of forged) {
        for (const path of ["/api/trpc/ingest.text", "/api/trpc/review.submit", "/events/x"]) {
          const r = await raw(s.port, "POST", path, headers, '{"text":"forged"}');
          expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
          expect(r.headers["x-content-type-options"]).toBe("nosniff");
        }
      }
      // Not JSON: an API write that no browser form or no-cors fetch could send as JSON.
      for (const type of ["text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]) {
        expect((await raw(s.port, "POST", "/api/trpc/ingest.text", { "Content-Type": type }, "x")).status).toBe(415);
      }
      expect((await raw(s.port, "POST", "/api/trpc/ingest.text", {}, "x")).status).toBe(415);
      expect(s.reached).toEqual([]);

      // The dashboard (same origin) and the CLI (no Origin) write as before.
      const own = { ...json, Origin: self, "Sec-Fetch-Site": "same-origin" };
      expect((await raw(s.port, "POST", "/api/trpc/ingest.text", own, "{}")).status).toBe(200);
      expect((await raw(s.port, "POST", "/api/trpc/review.submit?batch=1", json, "{}")).status).toBe(200);
      expect(s.reached).toEqual(["POST /api/trpc/ingest.text", "POST /api/trpc/review.submit?batch=1"]);
    } finally {
      await s.close();
    }
  });

  it("limits request bodies and needs their length", () => {
    const write = (headers: Record<string, string>) =>
      checkRequest({ method: "POST", url: "/api/trpc/ingest.files", headers } as unknown as IncomingMessage, {
        token: null,
      });
    const json = { host: "127.0.0.1:3000", "content-type": "application/json" };
    expect(write({ ...json, "content-length": String(MAX_BODY_BYTES) })).toBeNull();
    expect(write({ ...json, "content-length": String(MAX_BODY_BYTES + 1) })).toMatchObject({
      status: 413,
      message: "Payload Too Large: requests are limited to 64 MB.",
    });
    expect(write({ ...json, "content-length": "1e9" })).toMatchObject({ status: 413 });
    expect(write({ ...json, "transfer-encoding": "chunked" })).toMatchObject({ status: 411 });
  });
});

describe("parley serve over HTTP: security headers", () => {
  it("sets them on every response: passed through, refused and failed", async () => {
    const ok = await guarded(TOKEN);
    const failing = await guarded(TOKEN, new Error("boom"));
    try {
      const responses = [
        await raw(ok.port, "GET", "/", bearer),
        await raw(ok.port, "GET", "/", {}),
        await raw(ok.port, "POST", "/api/trpc/ingest.text", { ...bearer, "Content-Type": "text/plain" }, "x"),
        await raw(failing.port, "GET", "/", bearer),
      ];
      expect(responses.map((r) => r.status)).toEqual([200, 401, 415, 500]);
      for (const r of responses) {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name.toLowerCase()]).toBe(value);
        expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
        expect(r.headers["access-control-allow-origin"]).toBeUndefined();
      }
    } finally {
      await ok.close();
      await failing.close();
    }
  });
});
