export const STORE_ERROR_CODES = ["LOCKED", "NOT_FOUND", "INVALID", "MIGRATION_FAILED", "CONFIG"] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** The store's one domain error; surfaces map `code` to their own (exit codes, tRPC codes). */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
