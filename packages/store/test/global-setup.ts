import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openCorpus } from "../src";

/**
 * Creates one migrated PGlite directory for the whole run; test files copy it (≈0.3 s to open)
 * instead of initialising a new database each (2–4 s).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "parley-template-"));
  const corpus = await openCorpus({ dataDir: dir });
  await corpus.close();
  project.provide("pgliteTemplate", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
