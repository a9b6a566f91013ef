"use client";
import type { RouterOutputs } from "@parley/api";
import cytoscape from "cytoscape";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ACTOR_TYPE_COLOR, RELATION_STYLE } from "../lib/palette";

type Net = RouterOutputs["actors"]["network"];

/** The actor network (Cytoscape.js): node size = activity, edge colour and dash = relation. */
export function Network({ net, maxNodes = 60 }: { net: Net; maxNodes?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    if (!ref.current) return;
    const nodes = net.nodes.slice(0, maxNodes);
    const keep = new Set(nodes.map((n) => n.id));
    const max = Math.max(1, ...nodes.map((n) => n.events));
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...nodes.map((n) => ({
          data: {
            id: n.id,
            label: n.name,
            size: 18 + 42 * Math.sqrt(n.events / max),
            color: ACTOR_TYPE_COLOR[n.type] ?? "#999",
          },
        })),
        ...net.edges
          .filter((e) => keep.has(e.source) && keep.has(e.target))
          .map((e, i) => ({
            data: {
              id: `e${i}`,
              source: e.source,
              target: e.target,
              color: RELATION_STYLE[e.relation]?.color ?? "#999",
              dash: RELATION_STYLE[e.relation]?.dash ?? "solid",
              width: Math.min(8, 1 + Math.log2(1 + e.count)),
              directed: e.relation === "meeting" || e.relation === "agreement" ? "none" : "triangle",
            },
          })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            width: "data(size)",
            height: "data(size)",
            "background-color": "data(color)",
            "font-size": 11,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-background-color": "#fff",
            "text-background-opacity": 0.8,
            "border-width": 1,
            "border-color": "#333",
          },
        },
        {
          selector: "edge",
          style: {
            "line-color": "data(color)",
            "target-arrow-color": "data(color)",
            "target-arrow-shape": "data(directed)" as "triangle",
            "line-style": "data(dash)" as "solid",
            width: "data(width)",
            "curve-style": "bezier",
            opacity: 0.8,
          },
        },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
      wheelSensitivity: 0.3,
    });
    cy.on("tap", "node", (evt) => router.push(`/actors/${encodeURIComponent(evt.target.id())}`));
    return () => cy.destroy();
  }, [net, maxNodes, router]);
  return (
    <div>
      <div
        ref={ref}
        role="img"
        aria-label={`Network of ${Math.min(maxNodes, net.nodes.length)} actors and ${net.edges.length} relations; the tables below list the same data.`}
        style={{ height: 520, border: "1px solid var(--line)", borderRadius: 4 }}
      />
      <ul className="mt-2 flex flex-wrap gap-4 text-sm" aria-label="Legend">
        {Object.entries(RELATION_STYLE).map(([k, s]) => (
          <li key={k} className="flex items-center gap-1">
            <svg width="28" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="28"
                y2="4"
                stroke={s.color}
                strokeWidth="3"
                strokeDasharray={s.dash === "dashed" ? "6,3" : s.dash === "dotted" ? "2,3" : undefined}
              />
            </svg>
            {s.label}
          </li>
        ))}
        {Object.entries(ACTOR_TYPE_COLOR).map(([k, c]) => (
          <li key={k} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              style={{ background: c, width: 12, height: 12, borderRadius: 6, display: "inline-block" }}
            />
            {k.toLowerCase().replace("_", " ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
