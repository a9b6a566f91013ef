import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { getQueryClient, getTRPC, HydrateClient } from "../../../trpc/server";
import { EventView } from "../../../views/event";

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const id = decodeURIComponent((await params).id);
  const trpc = getTRPC();
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.events.get.queryOptions({ id })),
    qc.prefetchQuery(trpc.clusters.ofEvent.queryOptions({ id })),
  ]);
  return (
    <HydrateClient>
      <EventView id={id} types={EVENT_TYPES} statuses={EVENT_STATUSES} />
    </HydrateClient>
  );
}
