import { STATUS_LABEL } from "../lib/palette";

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status-${status}`} title={`status: ${status}`}>
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}

export function ReviewBadge({ state }: { state: string | null | undefined }) {
  if (!state) return null;
  return <span className={`badge review-${state}`}>{state}</span>;
}
