import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { host } from "../../../../server/host";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  const h = host();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: h.router,
    createContext: () => h.createContext(),
    onError({ error, path }) {
      // Server-side only: clients get a bare INTERNAL_SERVER_ERROR.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[parley] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
