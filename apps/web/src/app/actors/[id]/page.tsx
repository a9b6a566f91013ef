import { getQueryClient, getTRPC, HydrateClient } from "../../../trpc/server";
import { ActorView } from "../../../views/actor";

export default async function ActorPage({ params }: { params: Promise<{ id: string }> }) {
  const id = decodeURIComponent((await params).id);
  await getQueryClient().prefetchQuery(getTRPC().actors.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ActorView id={id} />
    </HydrateClient>
  );
}
