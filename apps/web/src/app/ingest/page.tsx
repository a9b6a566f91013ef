import { IngestView } from "../../views/ingest";

export default function IngestPage() {
  return (
    <>
      <h1>Ingest articles</h1>
      <IngestView />
    </>
  );
}
