import { ZodError } from "zod";

export const EXIT = { ok: 0, failure: 1, usage: 2, partial: 3 } as const;

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
  if (err instanceof ZodError) {
    process.stderr.write("parley: invalid options\n");
    for (const issue of err.issues) {
      process.stderr.write(`  --${issue.path.join(".") || "?"}: ${issue.message}\n`);
    }
    process.exit(EXIT.usage);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`parley: unexpected error: ${message}\n`);
  if (process.env.PARLEY_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(EXIT.failure);
}
