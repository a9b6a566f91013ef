import { getQueryClient, getTRPC, HydrateClient } from "../trpc/server";
import { OverviewView } from "../views/overview";

export default async function OverviewPage() {
  await getQueryClient().prefetchQuery(getTRPC().corpus.overview.queryOptions());
  return (
    <HydrateClient>
      <OverviewView />
    </HydrateClient>
  );
}
