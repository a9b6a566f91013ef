import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE, openCorpus, StoreError } from "../src";
import { pgliteDir } from "./drivers";

const PKG = fileURLToPath(new URL("..", import.meta.url));
const HOLDER = fileURLToPath(new URL("./lock-holder.ts", import.meta.url));

function run(dir: string, mode: "hold" | "try") {
  const child = spawn(process.execPath, ["--import", "tsx", HOLDER, dir, mode], {
    cwd: PKG,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  const firstLine = new Promise<Record<string, unknown>>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)));
    });
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before answering: ${err}`)));
  });
  return { child, firstLine };
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.on("exit", (code) => r(code))));

describe("the PGlite data directory lock", () => {
  const dir = pgliteDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second process while the first holds the directory, naming its PID", async () => {
    const corpus = await openCorpus({ dataDir: dir });
    try {
      const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8"));
      expect(lock.pid).toBe(process.pid);
      const { child, firstLine } = run(dir, "try");
      const answer = await firstLine;
      expect(answer).toMatchObject({ ok: false, code: "LOCKED", details: { pid: process.pid } });
      expect(answer.message).toContain(`PID ${process.pid}`);
      expect(answer.message).toContain("--server");
      expect(await exited(child)).toBe(1);
      // and within one process, a second open is refused too
      await expect(openCorpus({ dataDir: dir })).rejects.toMatchObject({ code: "LOCKED" });
    } finally {
      await corpus.close();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("is refused to this process while another process holds it", async () => {
    const { child, firstLine } = run(dir, "hold");
    const held = await firstLine;
    expect(held.ok).toBe(true);
    try {
      const err = await openCorpus({ dataDir: dir }).then(
        () => null,
        (e) => e,
      );
      expect(err).toBeInstanceOf(StoreError);
      expect(err).toMatchObject({ code: "LOCKED", details: { pid: held.pid } });
    } finally {
      child.stdin?.end();
    }
    expect(await exited(child)).toBe(0);
    // released on close: opening works again
    const c = await openCorpus({ dataDir: dir });
    await c.close();
  });

  it("takes over a stale lock left by a killed process", async () => {
    const { child, firstLine } = run(dir, "hold");
    const held = await firstLine;
    process.kill(held.pid as number, "SIGKILL");
    await exited(child);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(held.pid);
    const c = await openCorpus({ dataDir: dir });
    try {
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
      const st = await c.status();
      expect(st.applied.length).toBeGreaterThan(0);
      expect(st.pending).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it("treats an unreadable lock file as stale", async () => {
    writeFileSync(join(dir, LOCK_FILE), "garbage");
    const c = await openCorpus({ dataDir: dir });
    await c.close();
  });
});
