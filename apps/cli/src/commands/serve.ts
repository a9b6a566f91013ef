import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
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
import { checkRequest, isLoopback, redact, refuse, setSecurityHeaders } from "./serve-guard";

export { isLoopback, requestToken, tokenMatches } from "./serve-guard";

export const ServeOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(3000),
  host: z.string().min(1).default("127.0.0.1"),
  /** Run Next in development mode (hot reload) instead of the production build. */
  dev: z.boolean().default(false),
  /** Rebuild the web app even if a build exists. */
  rebuild: z.boolean().default(false),
});
export type ServeOptions = z.input<typeof ServeOptionsSchema>;

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

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The server's request listener: every request passes `checkRequest` (token, host, cross-site writes, body size)
 * and every response gets the security headers before `handle` (the web app) sees it.
 */
export function guardedListener(handle: Handler, token: string | null, log: (line: string) => void = console.error) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const refusal = checkRequest(req, { token });
    if (refusal) {
      refuse(res, refusal);
      return;
    }
    setSecurityHeaders(res);
    handle(req, res).catch((err: unknown) => {
      // The message and stack only (never the request, whose headers hold the token), scrubbed of the token anyway.
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      log(`[parley] request failed: ${token ? redact(detail, token) : detail}`);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal server error\n");
    });
  };
}

type NextFactory = (opts: { dev: boolean; dir: string; hostname: string; port: number; quiet?: boolean }) => {
  prepare(): Promise<void>;
  getRequestHandler(): Handler;
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
  // Nothing else in this process (the web app, a dependency's logging) needs the token: keep it out of reach.
  delete process.env.PARLEY_TOKEN;
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

  const server = createServer(guardedListener(handle, needsToken ? token : null));
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
