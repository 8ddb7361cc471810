import { Link } from "@remix-run/react";
import { Time } from "./time";
import { Badge, Notice } from "./ui";

/** Import states in words HR uses. */
export const IMPORT_STATUS_LABEL: Record<
  string,
  { label: string; tone: "neutral" | "good" | "warn" | "bad" | "brand" }
> = {
  uploaded: { label: "Needs a mapping", tone: "warn" },
  checking: { label: "Checking…", tone: "brand" },
  checked: { label: "Dry run ready", tone: "brand" },
  committing: { label: "Importing…", tone: "brand" },
  committed: { label: "Imported", tone: "good" },
  invalid: { label: "File refused", tone: "bad" },
  failed: { label: "Failed, nothing written", tone: "bad" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export function ImportStatusBadge({ status }: { status: string }) {
  const s = IMPORT_STATUS_LABEL[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** Shown when exactly this file (same bytes) was already imported: usually an upload by mistake. */
export function SameFileNotice({
  sameFile,
}: {
  sameFile: { id: string; fileName: string; committedAt: string } | null;
}) {
  if (!sameFile) return null;
  return (
    <Notice tone="warning" title="This file was already imported">
      This file was imported on <Time iso={sameFile.committedAt} /> (
      <Link className="underline" to={`/staff/imports/${sameFile.id}`}>
        {sameFile.fileName}
      </Link>
      ). Importing it again changes nothing unless people were edited since; check the dry run before you
      commit.
    </Notice>
  );
}
