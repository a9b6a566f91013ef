"use client";
import { saveFile, toCsv } from "../lib/download";

type Row = Record<string, string | number | boolean | null | undefined>;

interface Data {
  rows: Row[];
  json?: unknown;
}

/**
 * Download buttons for the data a view shows: CSV (flat rows) and JSON (as the API returns it). `load` fetches
 * the data on click instead, for views that show less than they let you download.
 */
export function Downloads({ name, ...data }: { name: string } & (Data | { load: () => Promise<Data> })) {
  const get = async (): Promise<Data> => ("load" in data ? data.load() : data);
  const csv = async () => saveFile(`${name}.csv`, toCsv((await get()).rows), "text/csv");
  const json = async () => {
    const d = await get();
    saveFile(`${name}.json`, `${JSON.stringify(d.json ?? d.rows, null, 2)}\n`, "application/json");
  };
  return (
    <fieldset className="flex gap-2">
      <legend className="sr-only">Download {name}</legend>
      <button type="button" className="btn" onClick={csv}>
        Download CSV
      </button>
      <button type="button" className="btn" onClick={json}>
        Download JSON
      </button>
    </fieldset>
  );
}
