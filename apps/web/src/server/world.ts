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
const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: "Sphere" });
const path = geoPath(projection);

let cached: { land: string; borders: string; sphere: string } | null = null;

/** The world drawn offline from the `world-atlas` TopoJSON (Natural Earth 1:110m): SVG path data, cached. */
export function worldPaths() {
  cached ??= {
    land: path(feature(topo, topo.objects.land) as unknown as FeatureCollection) ?? "",
    borders: path(mesh(topo, topo.objects.countries, (a, b) => a !== b)) ?? "",
    sphere: path({ type: "Sphere" }) ?? "",
  };
  return cached;
}

export function project(lon: number, lat: number): [number, number] | null {
  return projection([lon, lat]) ?? null;
}
