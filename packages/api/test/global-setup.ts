import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCorpus } from "@parley/store";
import type { TestProject } from "vitest/node";

/** One migrated PGlite directory per run; each test file copies it (opening a copy is fast). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "parley-api-template-"));
  const corpus = await openCorpus({ dataDir: dir });
  await corpus.close();
  project.provide("apiPgliteTemplate", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    apiPgliteTemplate: string;
  }
}
