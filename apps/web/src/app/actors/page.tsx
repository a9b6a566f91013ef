import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { FilterBar } from "../../components/filter-bar";
import { filterFromParams, type SearchParams } from "../../lib/filters";
import { getQueryClient, getTRPC, HydrateClient } from "../../trpc/server";
import { ActorsView } from "../../views/actors";

export default async function ActorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = filterFromParams(sp);
  const trpc = getTRPC();
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.actors.network.queryOptions({ ...filter, limit: 10_000 })),
    qc.prefetchQuery(trpc.actors.list.queryOptions({ ...filter, limit: 500 })),
    qc.prefetchQuery(trpc.model.rolesTable.queryOptions({ ...filter, limit: 500 })),
  ]);
  return (
    <HydrateClient>
      <h1>Actors</h1>
      <FilterBar sp={sp} types={EVENT_TYPES} statuses={EVENT_STATUSES} />
      <ActorsView filter={filter} />
    </HydrateClient>
  );
}
