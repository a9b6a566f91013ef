import "server-only";
import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection } from "geojson";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

type Topo = Parameters<typeof mesh>[0];
// biome-ignore lint/suspicious/noExplicitAny: TopoJSON objects are untyped JSON
const topo = world as unknown as Topo & { objects: { countries: any; land: any } };
const land = feature(topo, topo.objects.land) as unknown as FeatureCollection;
const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);

/**
 * The world drawn offline from the `world-atlas` TopoJSON (Natural Earth 1:110m), framed on the given points
 * (padded, never closer than a region of about 60° × 35°; the whole world when there are none).
 */
export function worldMap(points: { lon: number; lat: number }[]) {
  const projection = geoEqualEarth();
  if (points.length === 0) {
    projection.fitSize([MAP_WIDTH, MAP_HEIGHT], { type: "Sphere" });
  } else {
    let [w, e, s, n] = [180, -180, 90, -90];
    for (const p of points) {
      w = Math.min(w, p.lon);
      e = Math.max(e, p.lon);
      s = Math.min(s, p.lat);
      n = Math.max(n, p.lat);
    }
    const cx = (w + e) / 2;
    const cy = (s + n) / 2;
    const halfLon = Math.min(180, Math.max(30, (e - w) / 2 + 12));
    const halfLat = Math.min(85, Math.max(17.5, (n - s) / 2 + 8));
    const frame = {
      type: "MultiPoint" as const,
      coordinates: [
        [cx - halfLon, cy - halfLat],
        [cx + halfLon, cy - halfLat],
        [cx - halfLon, cy + halfLat],
        [cx + halfLon, cy + halfLat],
        [cx, cy + halfLat],
        [cx, cy - halfLat],
      ].map(([x, y]) => [Math.max(-180, Math.min(180, x!)), Math.max(-85, Math.min(85, y!))]),
    };
    projection.fitExtent(
      [
        [8, 8],
        [MAP_WIDTH - 8, MAP_HEIGHT - 8],
      ],
      frame,
    );
  }
  const path = geoPath(projection);
  return {
    land: path(land) ?? "",
    borders: path(borders) ?? "",
    sphere: path({ type: "Sphere" }) ?? "",
    project: (lon: number, lat: number) => projection([lon, lat]) ?? null,
  };
}
