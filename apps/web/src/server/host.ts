import "server-only";
import type { ParleyHost } from "@parley/api";

declare global {
  // Set by `parley serve` before Next handles the first request.
  var __parleyHost: ParleyHost | undefined;
}

export function host(): ParleyHost {
  const h = globalThis.__parleyHost;
  if (!h) throw new Error("No corpus: run the dashboard through `parley serve`.");
  return h;
}
