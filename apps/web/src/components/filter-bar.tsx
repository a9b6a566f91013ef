import { FILTER_KEYS, type SearchParams } from "../lib/filters";

const FIELDS: Record<(typeof FILTER_KEYS)[number], { label: string; placeholder?: string }> = {
  actor: { label: "Actor", placeholder: "Hamas, qatar…" },
  type: { label: "Event type" },
  issue: { label: "Issue", placeholder: "ceasefire" },
  outlet: { label: "Outlet" },
  status: { label: "Status" },
  from: { label: "From", placeholder: "YYYY-MM" },
  to: { label: "To", placeholder: "YYYY-MM-DD" },
  text: { label: "Text", placeholder: "words in evidence" },
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The filters as a plain GET form: submitting puts them in the URL (a shareable link) and works without JS.
 * `extra` holds the view's own parameters (kept as hidden fields).
 */
export function FilterBar({
  sp,
  types,
  statuses,
  only,
  extra = {},
}: {
  sp: SearchParams;
  types: readonly string[];
  statuses: readonly string[];
  only?: readonly (typeof FILTER_KEYS)[number][];
  extra?: Record<string, string | undefined>;
}) {
  const keys = only ?? FILTER_KEYS;
  return (
    <form method="get" className="filters" aria-label="Filters">
      {keys.map((k) => {
        const id = `f-${k}`;
        const f = FIELDS[k];
        const value = first(sp[k]);
        return (
          <label key={k} htmlFor={id}>
            <span>{f.label}</span>
            {k === "type" || k === "status" ? (
              <select id={id} name={k} defaultValue={value}>
                <option value="">any</option>
                {(k === "type" ? types : statuses).map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} name={k} defaultValue={value} placeholder={f.placeholder} />
            )}
          </label>
        );
      })}
      {Object.entries(extra).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="flex items-end gap-2">
        <button type="submit" className="btn btn-primary">
          Apply
        </button>
        <a className="btn" href="?">
          Clear
        </a>
      </div>
    </form>
  );
}
