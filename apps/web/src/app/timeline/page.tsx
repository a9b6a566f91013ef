import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { FilterBar } from "../../components/filter-bar";
import { filterFromParams, param, type SearchParams } from "../../lib/filters";
import { getQueryClient, getTRPC, HydrateClient } from "../../trpc/server";
import { TimelineView } from "../../views/timeline";

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = filterFromParams(sp);
  const granularity = (param(sp, "granularity") ?? "month") as "day" | "week" | "month";
  const trpc = getTRPC();
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.model.timelineChart.queryOptions({ ...filter, granularity })),
    qc.prefetchQuery(trpc.events.list.queryOptions({ ...filter, limit: 200 })),
    qc.prefetchQuery(trpc.actors.list.queryOptions({ limit: 10_000 })),
  ]);
  return (
    <HydrateClient>
      <h1>Timeline</h1>
      <FilterBar sp={sp} types={EVENT_TYPES} statuses={EVENT_STATUSES} extra={{ granularity }} />
      <TimelineView filter={filter} granularity={granularity} />
    </HydrateClient>
  );
}
