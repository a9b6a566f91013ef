import { spawnSync } from "node:child_process";
import { createHash, timingSafeEqual } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { appRouter, createTRPCContext, QueryCache } from "@parley/api";
import { type Corpus, StoreError } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { type GlobalOptions, globalsOf, openStore } from "../context";
import { env } from "../env";
import { CliError, EXIT } from "../errors";

export const ServeOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(3000),
  host: z.string().min(1).default("127.0.0.1"),
  /** Run Next in development mode (hot reload) instead of the production build. */
  dev: z.boolean().default(false),
  /** Rebuild the web app even if a build exists. */
  rebuild: z.boolean().default(false),
});
export type ServeOptions = z.input<typeof ServeOptionsSchema>;

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

/** Constant-time comparison (both sides hashed first, so lengths never leak either). */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The `apps/web` folder: `$PARLEY_WEB_DIR`, else found by walking up from this file (source or bundle). */
export function findWebDir(): string {
  const fromEnv = env.webDir;
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "apps", "web");
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new CliError("Cannot find the web app (apps/web).", EXIT.failure, "Set PARLEY_WEB_DIR.");
    dir = up;
  }
}

/** Newest modification time of the files under `dir` (skipping build output and dependencies). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next" || entry.name === "test-results") continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether the web app has no production build, or one older than its sources. */
export function needsBuild(webDir: string): boolean {
  const buildId = join(webDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  // The router runs in this process (the web app imports only its types), so API changes need no rebuild.
  const sources = [join(webDir, "src"), join(webDir, "package.json"), join(webDir, "next.config.ts")];
  return sources.some(
    (p) => existsSync(p) && (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > built,
  );
}

/** Builds the web app's production bundle when there is none, it is stale, or when asked to. */
export function ensureBuild(webDir: string, force = false): void {
  if (!force && !needsBuild(webDir)) return;
  process.stderr.write("parley: building the dashboard (first run; about a minute)…\n");
  const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: webDir,
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PARLEY_TOKEN: "" },
  });
  if (r.status !== 0) throw new CliError("Building the dashboard failed (see above).");
}

export interface RunningServer {
  url: string;
  server: Server;
  corpus: Corpus;
  close(): Promise<void>;
}

type NextFactory = (opts: { dev: boolean; dir: string; hostname: string; port: number; quiet?: boolean }) => {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>;
  close?(): Promise<void>;
};

/** Starts the dashboard and its API over the current store; resolves once it listens. */
export async function serve(
  options: ServeOptions = {},
  globals: Pick<GlobalOptions, "dataDir" | "databaseUrl"> = {},
  token: string = env.token ?? "",
): Promise<RunningServer> {
  const opts = ServeOptionsSchema.parse(options);
  const needsToken = !isLoopback(opts.host);
  if (needsToken && token.length < 12) {
    throw new CliError(
      `Serving on ${opts.host} needs a token.`,
      EXIT.usage,
      "Set PARLEY_TOKEN (at least 12 characters) or bind to 127.0.0.1.",
    );
  }
  const webDir = findWebDir();
  if (!opts.dev) ensureBuild(webDir, opts.rebuild);

  let corpus: Corpus;
  try {
    corpus = await openStore(globals);
  } catch (err) {
    if (err instanceof StoreError && err.code === "LOCKED") {
      throw new CliError(err.message, EXIT.failure, "Another parley process holds the data directory.");
    }
    throw err;
  }
  // One cache of read results per server: views re-read the same aggregates; ingest and review clear it.
  const cache = new QueryCache();
  globalThis.__parleyHost = { router: appRouter, createContext: () => createTRPCContext({ corpus, cache }) };

  const env0 = process.env as Record<string, string | undefined>;
  env0.NODE_ENV ??= opts.dev ? "development" : "production";
  env0.NEXT_TELEMETRY_DISABLED = "1";
  const mod = createRequire(join(webDir, "package.json"))("next") as NextFactory | { default: NextFactory };
  const next = typeof mod === "function" ? mod : mod.default;
  const app = next({ dev: opts.dev, dir: webDir, hostname: opts.host, port: opts.port, quiet: true });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    if (needsToken && !tokenMatches(requestToken(req.headers.authorization), token)) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="Parley", charset="UTF-8"', "Content-Type": "text/plain" });
      res.end("Unauthorized: send PARLEY_TOKEN as a bearer token (or as the password).\n");
      return;
    }
    handle(req, res).catch((err: unknown) => {
      console.error("[parley] request failed:", err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("Internal server error\n");
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  const addr = server.address() as AddressInfo;
  const shown = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const url = `http://${shown}:${addr.port}`;
  return {
    url,
    server,
    corpus,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      await app.close?.();
      await corpus.close();
      globalThis.__parleyHost = undefined;
    },
  };
}

declare global {
  var __parleyHost: import("@parley/api").ParleyHost | undefined;
}

export const serveCommand = new Command("serve")
  .description("Serve the dashboard and its API over the current store (PGlite data dir or DATABASE_URL)")
  .option("-p, --port <port>", "port to listen on", "3000")
  .option("--host <host>", "address to bind; anything but 127.0.0.1 requires PARLEY_TOKEN", "127.0.0.1")
  .option("--dev", "run the web app in development mode")
  .option("--rebuild", "rebuild the web app before serving")
  .addHelpText("after", "\nExample:\n  PARLEY_TOKEN=s3cret parley serve --host 0.0.0.0 --port 8080")
  .action(async (raw: Record<string, unknown>, cmd: Command) => {
    const running = await serve(ServeOptionsSchema.parse(raw), globalsOf(cmd));
    process.stderr.write(
      `parley: dashboard on ${running.url}${isLoopback(String(raw.host)) ? "" : " (token required)"}\n`,
    );
    const stop = () => {
      void running.close().finally(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
