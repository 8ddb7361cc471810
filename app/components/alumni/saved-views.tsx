import { Link } from "@remix-run/react";
import { SubmitButton, useValidatedForm, ValidatedForm } from "~/components/form";
import { Card, TextField, cx } from "~/components/ui";
import { SaveSegmentSchema } from "~/modules/alumni/alumni-schemas";

export type SavedView = { id: string; name: string; query: string; summary: string };

/**
 * HR's saved views beside the alumni list: each a link to its view (the current one in bold)
 * and, for those who run campaigns, a link to start one to it; below, the form that saves the
 * current view (`query`) under a name, posted to `formAction`.
 */
export function SavedViews({
  segments,
  query,
  formAction,
  canManage,
  canStartCampaign,
}: {
  segments: SavedView[];
  query: string;
  formAction: string;
  canManage: boolean;
  canStartCampaign: boolean;
}) {
  const form = useValidatedForm(SaveSegmentSchema, {
    intent: "save-segment",
    defaultValues: { view: query },
    resetOnSuccess: true,
  });
  return (
    <Card
      title="Saved views"
      actions={
        canManage && segments.length ? (
          <Link to="/staff/alumni/views" className="text-sm text-brand underline">
            Manage
          </Link>
        ) : null
      }
    >
      {segments.length === 0 ? (
        <p className="text-sm text-muted">
          Views you save appear here, and can be used as campaign audiences.
        </p>
      ) : (
        <ul className="space-y-2 text-sm">
          {segments.map((s) => (
            <li key={s.id}>
              <Link
                to={`/staff/alumni${s.query ? `?${s.query}` : ""}`}
                className={cx("text-brand underline", s.query === query && "font-semibold")}
              >
                {s.name}
              </Link>
              <p className="text-xs text-muted">{s.summary}</p>
              {canStartCampaign ? (
                <Link
                  to={`/staff/campaigns/new?segment=${encodeURIComponent(s.id)}`}
                  className="text-xs text-brand underline"
                >
                  Start a campaign to this view<span className="sr-only"> ({s.name})</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <ValidatedForm form={form} action={formAction} className="mt-4 space-y-2 border-t border-line pt-4">
          <input type="hidden" name="view" value={query} />
          <TextField label="Save this view as" maxLength={80} {...form.field("name")} />
          <TextField label="Description (optional)" maxLength={300} {...form.field("description")} />
          <SubmitButton variant="secondary">Save view</SubmitButton>
        </ValidatedForm>
      ) : null}
    </Card>
  );
}
