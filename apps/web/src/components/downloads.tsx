"use client";
import { saveFile, toCsv } from "../lib/download";

type Row = Record<string, string | number | boolean | null | undefined>;

/** Download buttons for the data a view shows: CSV (flat rows) and JSON (as the API returns it). */
export function Downloads({ name, rows, json }: { name: string; rows: Row[]; json?: unknown }) {
  return (
    <fieldset className="flex gap-2">
      <legend className="sr-only">Download {name}</legend>
      <button type="button" className="btn" onClick={() => saveFile(`${name}.csv`, toCsv(rows), "text/csv")}>
        Download CSV
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => saveFile(`${name}.json`, `${JSON.stringify(json ?? rows, null, 2)}\n`, "application/json")}
      >
        Download JSON
      </button>
    </fieldset>
  );
}
