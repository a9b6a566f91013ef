import type { RouterOutputs } from "@parley/api";
import { EVENT_STATUSES, EVENT_TYPES } from "@parley/schema";
import { FilterBar } from "../../components/filter-bar";
import { filterFromParams, type SearchParams } from "../../lib/filters";
import { colorOf, GROUP_COLOR, GROUP_ORDER, groupOf } from "../../lib/palette";
import { MAP_HEIGHT, MAP_WIDTH, worldMap } from "../../server/world";
import { getQueryClient, getTRPC, HydrateClient } from "../../trpc/server";
import { MapTable } from "../../views/map-table";

export default async function MapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = filterFromParams(sp);
  const opts = getTRPC().events.places.queryOptions({ ...filter, limit: 10_000 });
  const qc = getQueryClient();
  let data: RouterOutputs["events"]["places"] | null = null;
  let error: string | null = null;
  try {
    data = await qc.fetchQuery(opts);
  } catch (err) {
    error = err instanceof Error ? err.message : "Could not load";
  }
  const { land, borders, sphere, project } = worldMap(data?.places ?? []);
  const max = Math.max(1, ...(data?.places ?? []).map((p) => p.events));
  return (
    <HydrateClient>
      <h1>Map</h1>
      <FilterBar sp={sp} types={EVENT_TYPES} statuses={EVENT_STATUSES} />
      {error && (
        <p role="alert" className="alert">
          Could not load: {error}
        </p>
      )}
      {data && (
        <>
          <p className="text-sm" style={{ color: "var(--muted)" }}>
            Circles sized by events at the place, coloured by the most frequent kind of event. Use From/To to move
            through time. {data.unplaced} events without coordinates are not shown.
          </p>
          <svg
            viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
            className="h-auto w-full max-w-5xl"
            role="img"
            aria-labelledby="map-title"
            data-testid="map"
          >
            <title id="map-title">{`World map with ${data.places.length} places where events happened`}</title>
            <clipPath id="map-clip">
              <rect width={MAP_WIDTH} height={MAP_HEIGHT} />
            </clipPath>
            <g clipPath="url(#map-clip)">
              <path d={sphere} fill="#eef4f8" stroke="#9aa5b1" />
              <path d={land} fill="#d9d9d9" />
              <path d={borders} fill="none" stroke="#fff" strokeWidth={0.6} />
              {data.places.map((p) => {
                const xy = project(p.lon, p.lat);
                if (!xy) return null;
                const top = Object.entries(p.byType).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "MEET";
                const r = 4 + 16 * Math.sqrt(p.events / max);
                return (
                  <a key={p.key} href={`#place-${encodeURIComponent(p.key)}`}>
                    <circle
                      cx={xy[0]}
                      cy={xy[1]}
                      r={r}
                      fill={colorOf(top)}
                      fillOpacity={0.75}
                      stroke="#000"
                      strokeWidth={0.8}
                    >
                      <title>{`${p.name}: ${p.events} events (${groupOf(top)} most), ${p.first ?? "?"} – ${p.last ?? "?"}`}</title>
                    </circle>
                  </a>
                );
              })}
            </g>
          </svg>
          <ul className="mt-2 flex flex-wrap gap-4 text-sm" aria-label="Legend">
            {GROUP_ORDER.map((g) => (
              <li key={g} className="flex items-center gap-1">
                <span
                  aria-hidden="true"
                  style={{
                    background: GROUP_COLOR[g],
                    width: 12,
                    height: 12,
                    borderRadius: 6,
                    display: "inline-block",
                  }}
                />
                {g}
              </li>
            ))}
          </ul>
        </>
      )}
      <MapTable filter={filter} />
    </HydrateClient>
  );
}
