import { param, type SearchParams } from "../../../lib/filters";
import { getQueryClient, getTRPC, HydrateClient } from "../../../trpc/server";
import { ArticleView } from "../../../views/article";

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const id = decodeURIComponent((await params).id);
  const event = param(await searchParams, "event") ?? null;
  await getQueryClient().prefetchQuery(getTRPC().articles.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ArticleView id={id} initialEvent={event} />
    </HydrateClient>
  );
}
