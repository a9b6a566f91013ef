import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { FilterBar } from "../../components/filter-bar";
import { filterFromParams, type SearchParams } from "../../lib/filters";
import { getQueryClient, getTRPC, HydrateClient } from "../../trpc/server";
import { SourcesView } from "../../views/sources";

export default async function SourcesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = filterFromParams(sp);
  await getQueryClient().prefetchQuery(getTRPC().model.sources.queryOptions({ ...filter, limit: 100 }));
  return (
    <HydrateClient>
      <h1>Sources side by side</h1>
      <FilterBar sp={sp} types={EVENT_TYPES} statuses={EVENT_STATUSES} />
      <SourcesView filter={filter} />
    </HydrateClient>
  );
}
