import { Form, Link, useNavigation } from "@remix-run/react";
import { ActionNotice } from "~/components/form";
import { Button, Card, TextField, cx } from "~/components/ui";

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
  const navigation = useNavigation();
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
        <Form method="post" action={formAction} className="mt-4 space-y-2 border-t border-line pt-4">
          <ActionNotice intent="save-segment" />
          <input type="hidden" name="view" value={query} />
          <TextField label="Save this view as" name="name" required maxLength={80} />
          <TextField label="Description (optional)" name="description" maxLength={300} />
          <Button
            type="submit"
            name="intent"
            value="save-segment"
            variant="secondary"
            busy={navigation.state === "submitting" && navigation.formData?.get("intent") === "save-segment"}
          >
            Save view
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
