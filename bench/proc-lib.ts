/** Helpers of the process benchmarks (`ingest-memory.ts`, `queue.ts`): child processes and their peak memory. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI_SOURCE = resolve(ROOT, "apps/cli/src/index.ts");
const CLI_BUNDLE = resolve(ROOT, "apps/cli/dist/parley.js");

/** Peak resident set (VmHWM) of a live process in MB, or null once it has exited. */
function peakRssMB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface ParleyRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Highest VmHWM seen while the process ran (sampled every 100 ms; the kernel keeps the true peak). */
  peakRssMB: number;
}

/**
 * Runs `parley …` as its own process — from source through tsx (as `pnpm parley` does) or, with `bundle`, the
 * built `apps/cli/dist/parley.js` — and records its peak resident memory.
 */
export function runParley(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; bundle?: boolean; onStart?: (child: ChildProcess) => void } = {},
): Promise<ParleyRun> {
  const argv = opts.bundle ? [CLI_BUNDLE, ...args] : ["--import", "tsx", CLI_SOURCE, ...args];
  const t0 = performance.now();
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...opts.env } });
  opts.onStart?.(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  let peak = 0;
  const sample = setInterval(() => {
    const v = child.pid ? peakRssMB(child.pid) : null;
    if (v !== null) peak = Math.max(peak, v);
  }, 100);
  return new Promise((done) =>
    child.on("close", (code) => {
      clearInterval(sample);
      done({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000, peakRssMB: peak });
    }),
  );
}

export function machineLine(command: string): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`${command}\`.`;
}

export const fmt = (n: number, d = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** `pnpm bench:NAME -- args` as the user typed it. */
export function commandLine(script: string): string {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  return `pnpm ${script}${args.length ? ` -- ${args.join(" ")}` : ""}`;
}
