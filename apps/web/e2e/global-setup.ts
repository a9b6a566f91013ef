import { startServer, tempDataDir } from "./server";

/** One server over a fresh corpus for the whole run; its URL and PID reach the tests through the environment. */
export default async function globalSetup() {
  const dataDir = tempDataDir();
  const { url, child } = await startServer(dataDir);
  process.env.PARLEY_E2E_URL = url;
  process.env.PARLEY_E2E_DATA_DIR = dataDir;
  process.env.PARLEY_E2E_PID = String(child.pid);
  child.unref();
  (globalThis as { __parleyServer?: typeof child }).__parleyServer = child;
}
