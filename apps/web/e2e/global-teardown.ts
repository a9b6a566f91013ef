import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { stopServer } from "./server";

export default async function globalTeardown() {
  const child = (globalThis as { __parleyServer?: ChildProcess }).__parleyServer;
  if (child) await stopServer(child);
  const dir = process.env.PARLEY_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
