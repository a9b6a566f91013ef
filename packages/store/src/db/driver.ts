import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { StoreError } from "../errors";
import { acquireDirLock } from "../lock";

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type DriverKind = "pglite" | "postgres";

export interface Driver {
  readonly kind: DriverKind;
  /** The data directory, or the connection string without its password. */
  readonly location: string;
  readonly db: Db;
  close(): Promise<void>;
}

export async function openPglite(dataDir: string): Promise<Driver> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = acquireDirLock(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(join(dir, "pgdata"));
  } catch (err) {
    lock.release();
    throw err;
  }
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: "pglite",
    location: dir,
    db,
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(databaseUrl: string, schema?: string): Promise<Driver> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreError("CONFIG", `Invalid schema name "${schema}": use lower-case letters, digits and _.`);
  }
  if (schema) {
    // The name is validated above; identifiers cannot be bound as parameters.
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  // JIT compilation costs seconds on the views' mid-sized aggregates (thousands of rows, estimated at millions)
  // and saves nothing; the sorts of a view fit in 32 MB instead of spilling to disk.
  const settings = ["-c jit=off", "-c work_mem=32MB", ...(schema ? [`-c search_path=${schema}`] : [])];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: settings.join(" ") });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: "postgres",
    location: redactUrl(databaseUrl) + (schema ? ` (schema ${schema})` : ""),
    db,
    async close() {
      await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<invalid DATABASE_URL>";
  }
}

/** Runs a raw `sql` query on either driver and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
