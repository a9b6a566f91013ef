import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = resolve(WEB_DIR, "../..");
export const CLI = join(ROOT, "apps/cli/src/index.ts");
const TSX = createRequire(join(WEB_DIR, "package.json")).resolve("tsx/cli");

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "parley-e2e-"));
}

/** Runs the CLI from source (`tsx apps/cli/src/index.ts …`); resolves with its output and exit code. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [TSX, CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: "", PARLEY_SERVER: "", PARLEY_TOKEN: "", ...env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", fail);
    child.once("close", (code) => ok({ code: code ?? 1, stdout, stderr }));
  });
}

/** Starts `parley serve` on a data dir; resolves once it answers. */
export async function startServer(
  dataDir: string,
  opts: { host?: string; token?: string } = {},
): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const port = await freePort();
  const host = opts.host ?? "127.0.0.1";
  const child = spawn(
    process.execPath,
    [TSX, CLI, "--data-dir", dataDir, "serve", "--port", String(port), "--host", host],
    {
      cwd: ROOT,
      env: { ...process.env, PARLEY_SERVER: "", PARLEY_TOKEN: opts.token ?? "", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`parley serve exited (${child.exitCode}):\n${log}`);
    if (/dashboard on/.test(log)) break;
    if (Date.now() > deadline) throw new Error(`parley serve did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, log: () => log };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((ok) => child.once("exit", () => ok()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await done;
  clearTimeout(timer);
}

export const SEEDS = resolve(ROOT, "../shared/corpus/seeds");
export const EXAMPLES = join(ROOT, "examples/articles");
export const hasSeeds = () => existsSync(join(SEEDS, "manifest.json"));
