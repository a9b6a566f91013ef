import { StoreError } from "@parley/store";
import { ZodError } from "zod";
import { env } from "./env";

/** 0 ok; 1 failed; 2 bad usage or input; 3 some items failed, the rest done; 4 the data directory is locked. */
export const EXIT = { ok: 0, failure: 1, usage: 2, partial: 3, locked: 4 } as const;

/** An expected failure with a message for the user and, where useful, what to do about it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The one place errors become output and exit codes: no stack traces for expected failures. */
export function handleError(err: unknown): never {
  if (err instanceof CliError) {
    process.stderr.write(`parley: ${err.message}\n`);
    if (err.hint) process.stderr.write(`  ${err.hint}\n`);
    process.exit(err.exitCode);
  }
  if (err instanceof StoreError) {
    const cli = fromStoreError(err);
    return handleError(cli);
  }
  if (err instanceof ZodError) {
    process.stderr.write("parley: invalid options\n");
    for (const issue of err.issues) {
      process.stderr.write(`  --${issue.path.join(".") || "?"}: ${issue.message}\n`);
    }
    process.exit(EXIT.usage);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`parley: unexpected error: ${message}\n`);
  if (env.debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(EXIT.failure);
}

/** The store's error codes as exit codes and hints. */
export function fromStoreError(err: StoreError): CliError {
  switch (err.code) {
    case "LOCKED":
      return new CliError(
        err.message,
        EXIT.locked,
        "Stop the other process, or query it through its server (parley serve; --server URL).",
      );
    case "INVALID":
      return new CliError(err.message, EXIT.usage);
    case "CONFIG":
      return new CliError(err.message, EXIT.usage, "Give either --data-dir or --database-url.");
    case "NOT_FOUND":
      return new CliError(err.message, EXIT.failure);
    default:
      return new CliError(err.message, EXIT.failure);
  }
}
