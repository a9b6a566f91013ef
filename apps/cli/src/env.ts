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
  /** `PARLEY_SERVER`: read commands go through this `parley serve` (like `--server`). */
  server: string | undefined;
  /** `PARLEY_TOKEN`: the token `parley serve` requires off loopback, and that `--server` clients send. */
  token: string | undefined;
  /** `PARLEY_WEB_DIR`: where the dashboard (apps/web) lives, when not found next to the CLI. */
  webDir: string | undefined;
}

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return {
    dataDir: env.PARLEY_DATA_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    noColor: !!env.NO_COLOR,
    debug: !!env.PARLEY_DEBUG,
    server: env.PARLEY_SERVER || undefined,
    token: env.PARLEY_TOKEN || undefined,
    webDir: env.PARLEY_WEB_DIR || undefined,
  };
}

export const env: CliEnv = readCliEnv();
