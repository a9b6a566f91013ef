"use client";
import { MAX_UPLOAD_BYTES, megabytes, UPLOAD_EXTENSIONS, uploadRefusal } from "@parley/api/limits";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Downloads } from "../components/downloads";
import { useTRPC } from "../trpc/react";

interface Line {
  seq: number;
  file: string;
  inserted: number;
  duplicates: number;
  failed: number;
  events: number;
  errors: string;
}

/** Paste text or upload files with outlet and date; files go one request each, so progress is real. */
export function IngestView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const files = useMutation(trpc.ingest.files.mutationOptions());
  const text = useMutation(trpc.ingest.text.mutationOptions());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== null && progress.done < progress.total;

  const onSubmit = async (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    setError(null);
    setLines([]);
    const f = new FormData(ev.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "").trim() || undefined;
    const meta = { outlet: get("outlet"), published: get("published"), title: get("title"), url: get("url") };
    const uploads = (f.getAll("files") as File[]).filter((x) => x.size > 0);
    const pasted = get("text");
    if (!pasted && uploads.length === 0) {
      setError("Paste some text or choose files.");
      return;
    }
    const total = uploads.length + (pasted ? 1 : 0);
    setProgress({ done: 0, total });
    const out: Line[] = [];
    const record = (
      file: string,
      r: { inserted: number; duplicates: number; failed: number; events: number; errors: { message: string }[] },
    ) => {
      out.push({
        seq: out.length,
        file,
        inserted: r.inserted,
        duplicates: r.duplicates,
        failed: r.failed,
        events: r.events,
        errors: r.errors.map((e) => e.message).join("; "),
      });
      setLines([...out]);
      setProgress({ done: out.length, total });
    };
    try {
      if (pasted) record("pasted text", await text.mutateAsync({ text: pasted, ...meta }));
      for (const file of uploads) {
        // Type and size are checked here too, so a wrong or huge file is never read or sent.
        const refused = uploadRefusal(file.name, file.size);
        if (refused) {
          record(file.name, { inserted: 0, duplicates: 0, failed: 1, events: 0, errors: [{ message: refused }] });
          continue;
        }
        const content = await file.text();
        try {
          record(file.name, await files.mutateAsync({ files: [{ name: file.name, content }], meta }));
        } catch (err) {
          record(file.name, {
            inserted: 0,
            duplicates: 0,
            failed: 1,
            events: 0,
            errors: [{ message: (err as Error).message }],
          });
        }
      }
    } catch (err) {
      setError((err as Error).message);
      setProgress(null);
    }
    await qc.invalidateQueries();
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="panel grid gap-3" aria-label="Ingest">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <label className="field">
            <span>Outlet</span>
            <input name="outlet" placeholder="e.g. Example Wire" />
          </label>
          <label className="field">
            <span>Published (YYYY-MM-DD)</span>
            <input name="published" pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder="2024-03-14" />
          </label>
          <label className="field">
            <span>Title (pasted text; default: first line)</span>
            <input name="title" />
          </label>
          <label className="field">
            <span>URL</span>
            <input name="url" type="url" />
          </label>
        </div>
        <label className="field">
          <span>Article text</span>
          <textarea name="text" rows={8} />
        </label>
        <label className="field">
          <span>…or files (.txt, .html, .json, .jsonl, .csv; up to {megabytes(MAX_UPLOAD_BYTES)} each)</span>
          <input name="files" type="file" multiple accept={UPLOAD_EXTENSIONS.join(",")} />
        </label>
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? "Ingesting…" : "Ingest"}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {progress && (
        <div aria-live="polite">
          <label className="field">
            <span>
              Progress:{" "}
              <span data-testid="ingest-progress">
                {progress.done}/{progress.total}
              </span>
            </span>
            <progress max={progress.total} value={progress.done} />
          </label>
        </div>
      )}
      {lines.length > 0 && (
        <section aria-labelledby="results">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="results">Results</h2>
            <Downloads name="ingest-results" rows={lines.map(({ seq: _s, ...l }) => l)} />
          </div>
          <table className="data" data-testid="ingest-results">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Stored</th>
                <th scope="col">Duplicates</th>
                <th scope="col">Failed</th>
                <th scope="col">Events</th>
                <th scope="col">Errors</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.seq}>
                  <td>{l.file}</td>
                  <td className="num">{l.inserted}</td>
                  <td className="num">{l.duplicates}</td>
                  <td className="num">{l.failed}</td>
                  <td className="num">{l.events}</td>
                  <td>{l.errors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
