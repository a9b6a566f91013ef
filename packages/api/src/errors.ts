import { StoreError, type StoreErrorCode } from "@parley/store";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

const STORE_TO_TRPC: Record<StoreErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  INVALID: "BAD_REQUEST",
  LOCKED: "CONFLICT",
  MIGRATION_FAILED: "INTERNAL_SERVER_ERROR",
  CONFIG: "INTERNAL_SERVER_ERROR",
};

export const INTERNAL_MESSAGE = "Internal server error";

/**
 * The one place errors become tRPC errors. Domain errors (`StoreError`) keep their message and get the
 * matching code; tRPC's own errors (input validation, explicit NOT_FOUND) pass through; anything else —
 * and any domain error that maps to INTERNAL_SERVER_ERROR — becomes a bare INTERNAL_SERVER_ERROR whose
 * message says nothing about the cause (the cause stays attached for server-side logging only).
 */
export function toTRPCError(err: unknown): never {
  const cause = err instanceof TRPCError && err.cause ? err.cause : err;
  if (cause instanceof StoreError) {
    const code = STORE_TO_TRPC[cause.code];
    if (code === "INTERNAL_SERVER_ERROR") throw new TRPCError({ code, message: INTERNAL_MESSAGE, cause });
    throw new TRPCError({ code, message: cause.message, cause });
  }
  if (err instanceof TRPCError && err.code !== "INTERNAL_SERVER_ERROR") throw err;
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_MESSAGE, cause });
}
