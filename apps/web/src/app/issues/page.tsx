import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { FilterBar } from "../../components/filter-bar";
import { filterFromParams, type SearchParams } from "../../lib/filters";
import { getQueryClient, getTRPC, HydrateClient } from "../../trpc/server";
import { IssuesView } from "../../views/issues";

export default async function IssuesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = filterFromParams(sp);
  const trpc = getTRPC();
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.model.issues.queryOptions({ ...filter, limit: 500 })),
    qc.prefetchQuery(trpc.model.stancesView.queryOptions({ ...filter, limit: 300 })),
  ]);
  return (
    <HydrateClient>
      <h1>Issues and stances</h1>
      <FilterBar
        sp={sp}
        types={EVENT_TYPES}
        statuses={EVENT_STATUSES}
        only={["actor", "issue", "outlet", "from", "to"]}
      />
      <IssuesView filter={filter} />
    </HydrateClient>
  );
}
