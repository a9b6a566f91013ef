import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { FilterBar } from "../../components/filter-bar";
import { filterFromParams, type SearchParams } from "../../lib/filters";
import { getQueryClient, getTRPC, HydrateClient } from "../../trpc/server";
import { ClaimsView } from "../../views/claims";

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { type: _t, status: _s, issue: _i, ...filter } = filterFromParams(sp);
  const trpc = getTRPC();
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.model.claimsChart.queryOptions({ ...filter, limit: 100 })),
    qc.prefetchQuery(trpc.claims.list.queryOptions({ ...filter, limit: 300 })),
  ]);
  return (
    <HydrateClient>
      <h1>Claims: figures over time</h1>
      <FilterBar
        sp={sp}
        types={EVENT_TYPES}
        statuses={EVENT_STATUSES}
        only={["actor", "outlet", "from", "to", "text"]}
      />
      <ClaimsView filter={filter} />
    </HydrateClient>
  );
}
