"use client";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";

type Value = string | number | boolean | null | undefined;
export type Row = Record<string, Value>;

/** A column by name; `href` names the field holding a link target for this column's text. */
export interface Column {
  key: string;
  header: string;
  href?: string;
  numeric?: boolean;
  wide?: boolean;
}

/** Sortable, paged table (TanStack Table); headers are buttons, so sorting works from the keyboard. */
export function DataTable({
  rows,
  columns,
  caption,
  pageSize = 25,
  rowClass,
}: {
  rows: Row[];
  columns: Column[];
  caption: string;
  pageSize?: number;
  rowClass?: (r: Row) => string;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const defs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        accessorFn: (r) => r[c.key] ?? "",
        header: c.header,
        cell: (info) => {
          const v = info.getValue() as Value;
          const text = typeof v === "boolean" ? (v ? "yes" : "") : String(v ?? "");
          const href = c.href ? info.row.original[c.href] : undefined;
          return typeof href === "string" && href ? (
            <Link className="link" href={href}>
              {text || "(untitled)"}
            </Link>
          ) : (
            text
          );
        },
      })),
    [columns],
  );
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  const page = table.getState().pagination.pageIndex;
  return (
    <div className="overflow-x-auto">
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                  >
                    <button type="button" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr key={r.id} className={rowClass?.(r.original)}>
              {r.getVisibleCells().map((c) => {
                const col = columns.find((x) => x.key === c.column.id);
                return (
                  <td key={c.id} className={col?.numeric ? "num" : col?.wide ? "wide" : undefined}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length}>Nothing matches.</td>
            </tr>
          )}
        </tbody>
      </table>
      {table.getPageCount() > 1 && (
        <nav className="flex items-center gap-2 py-2" aria-label={`${caption} pages`}>
          <button
            type="button"
            className="btn"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            Previous
          </button>
          <span>
            Page {page + 1} of {table.getPageCount()} ({rows.length} rows)
          </span>
          <button type="button" className="btn" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
