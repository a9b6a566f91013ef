"use client";
import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

/** Renders an Observable Plot figure; `describe` is the text alternative for screen readers. */
export function PlotFigure({ options, describe }: { options: Plot.PlotOptions; describe: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fig = Plot.plot({ ...options, ariaLabel: describe, ariaDescription: describe });
    el.replaceChildren(fig);
    return () => fig.remove();
  }, [options, describe]);
  return <figure ref={ref} className="overflow-x-auto" aria-label={describe} />;
}

export { Plot };
