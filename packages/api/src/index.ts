import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { QueryCache } from "./cache";
export { INTERNAL_MESSAGE, toTRPCError } from "./errors";
export { IngestFilesSchema, IngestMetaSchema, IngestTextSchema, UploadedFileSchema } from "./ingest";
export { type AppRouter, appRouter } from "./root";
export { type Context, createCallerFactory, createTRPCContext, type ParleyHost } from "./trpc";

/** Inputs and outputs of every procedure, for typing UI props and the remote CLI. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
