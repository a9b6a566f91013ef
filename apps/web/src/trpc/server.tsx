import "server-only";
import type { AppRouter } from "@parley/api";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { host } from "../server/host";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);

/** The options proxy for server components: queries call the router in-process, no HTTP. */
export const getTRPC = cache(() =>
  createTRPCOptionsProxy<AppRouter>({
    router: host().router,
    ctx: () => host().createContext(),
    queryClient: getQueryClient,
  }),
);

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
