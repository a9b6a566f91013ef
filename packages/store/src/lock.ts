import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { StoreError } from "./errors";

export const LOCK_FILE = "parley.lock";

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, "utf8")) as Partial<LockInfo>;
    return typeof info.pid === "number" ? (info as LockInfo) : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data directory's lock file (`O_EXCL` create). A lock left by a dead process is taken over;
 * a live holder makes this throw `StoreError("LOCKED")` naming its PID.
 */
export function acquireDirLock(dir: string): DirLock {
  const path = join(dir, LOCK_FILE);
  const me: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(" "),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLock(path);
      if (holder && holder.host === me.host && isAlive(holder.pid)) {
        const self = holder.pid === process.pid;
        throw new StoreError(
          "LOCKED",
          self
            ? `The data directory ${dir} is already open in this process (PID ${holder.pid}); close the other corpus first.`
            : `The data directory ${dir} is in use by another Parley process (PID ${holder.pid}${holder.command ? `: ${holder.command}` : ""}). ` +
                "Stop it, or if it is `parley serve`, run this command against it with --server.",
          { pid: holder.pid, lockFile: path },
        );
      }
      // Stale (holder dead, or unreadable): take it over.
      try {
        unlinkSync(path);
      } catch {}
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    const onExit = () => release();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off("exit", onExit);
      if (readLock(path)?.pid === process.pid) {
        try {
          unlinkSync(path);
        } catch {}
      }
    };
    process.on("exit", onExit);
    return { path, release };
  }
  throw new StoreError("LOCKED", `Could not take the lock file ${path}; another process keeps recreating it.`, {
    lockFile: path,
  });
}
