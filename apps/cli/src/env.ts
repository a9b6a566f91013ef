/** The only module of the CLI that reads `process.env`. */
export interface CliEnv {
  /** `PARLEY_DATA_DIR`: the embedded database directory (default `./.parley`). */
  dataDir: string | undefined;
  /** `DATABASE_URL`: a PostgreSQL connection string (team storage). */
  databaseUrl: string | undefined;
  /** `NO_COLOR` set to anything non-empty: no ANSI colours. */
  noColor: boolean;
  /** `PARLEY_DEBUG`: print stack traces of unexpected errors. */
  debug: boolean;
}

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return {
    dataDir: env.PARLEY_DATA_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    noColor: !!env.NO_COLOR,
    debug: !!env.PARLEY_DEBUG,
  };
}

export const env: CliEnv = readCliEnv();
