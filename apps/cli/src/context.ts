import { fileURLToPath } from "node:url";
import { type Corpus, openCorpus } from "@parley/store";
import type { Command } from "commander";
import { z } from "zod";
import { env } from "./env";

/** Set to `true` by the tsup build (see tsup.config.ts); undefined when running from source. */
declare const __PARLEY_BUNDLE__: boolean | undefined;

/** Options every command accepts (declared once on the program). */
export const GlobalOptionsSchema = z.object({
  dataDir: z.string().min(1).optional(),
  databaseUrl: z.string().min(1).optional(),
  quiet: z.boolean().default(false),
  verbose: z.boolean().default(false),
  /** `--server URL`: read commands query a running `parley serve` instead of the store. */
  server: z.url().optional(),
});
export type GlobalOptions = z.infer<typeof GlobalOptionsSchema>;

/** The program-level options as seen from a command's action. */
export function globalsOf(cmd: Command): GlobalOptions {
  const all = cmd.optsWithGlobals() as Record<string, unknown>;
  return GlobalOptionsSchema.parse({
    dataDir: all.dataDir,
    databaseUrl: all.databaseUrl,
    quiet: all.quiet ?? false,
    verbose: all.verbose ?? false,
    server: all.server,
  });
}

export interface StoreTarget {
  dataDir?: string;
  databaseUrl?: string;
}

/** `--database-url`, else `--data-dir`, else `$DATABASE_URL`, else `$PARLEY_DATA_DIR`, else `./.parley`. */
export function storeTarget(g: Pick<GlobalOptions, "dataDir" | "databaseUrl">): StoreTarget {
  if (g.databaseUrl) return { databaseUrl: g.databaseUrl };
  if (g.dataDir) return { dataDir: g.dataDir };
  if (env.databaseUrl) return { databaseUrl: env.databaseUrl };
  return { dataDir: env.dataDir ?? ".parley" };
}

/** In the bundle the analysis worker and the migrations sit next to `parley.js`. */
function bundlePaths(): { workerUrl?: URL; migrationsDir?: string } {
  if (typeof __PARLEY_BUNDLE__ === "undefined" || !__PARLEY_BUNDLE__) return {};
  return {
    workerUrl: new URL("./analysis-worker.js", import.meta.url),
    migrationsDir: fileURLToPath(new URL("./migrations/", import.meta.url)),
  };
}

export async function openStore(
  g: Pick<GlobalOptions, "dataDir" | "databaseUrl">,
  opts: { autoMigrate?: boolean } = {},
): Promise<Corpus> {
  return openCorpus({ ...storeTarget(g), ...bundlePaths(), ...opts });
}

/** Opens the store, runs `fn`, and always closes it (an open PGlite keeps the process alive). */
export async function withStore<T>(
  g: Pick<GlobalOptions, "dataDir" | "databaseUrl">,
  fn: (corpus: Corpus) => Promise<T>,
  opts: { autoMigrate?: boolean } = {},
): Promise<T> {
  const corpus = await openStore(g, opts);
  try {
    return await fn(corpus);
  } finally {
    await corpus.close();
  }
}
