/** The only place the store reads `process.env`. */
export interface StoreEnv {
  /** `PARLEY_DATA_DIR`: where the embedded database lives (default `./.parley`). */
  dataDir: string | undefined;
  /** `DATABASE_URL`: a PostgreSQL connection string; selects the team driver. */
  databaseUrl: string | undefined;
  /** `PARLEY_ANALYSIS_TIMEOUT`: seconds one article's analysis may take on a worker thread (0: no limit). */
  analysisTimeout: string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): StoreEnv {
  return {
    dataDir: env.PARLEY_DATA_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    analysisTimeout: env.PARLEY_ANALYSIS_TIMEOUT || undefined,
  };
}
