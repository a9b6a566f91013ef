import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { FilterBar } from "../../components/filter-bar";
import { filterFromParams, param, type SearchParams } from "../../lib/filters";
import { getQueryClient, getTRPC, HydrateClient } from "../../trpc/server";
import { ReviewView } from "../../views/review";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = filterFromParams(sp);
  const state = param(sp, "state") ?? "unreviewed";
  await getQueryClient().prefetchQuery(
    getTRPC().events.list.queryOptions({ ...filter, includeRejected: true, limit: 300 }),
  );
  return (
    <HydrateClient>
      <h1>Review</h1>
      <FilterBar sp={sp} types={EVENT_TYPES} statuses={EVENT_STATUSES} extra={{ state }} />
      <ReviewView filter={filter} state={state} types={EVENT_TYPES} statuses={EVENT_STATUSES} />
    </HydrateClient>
  );
}
