import { Form } from "@remix-run/react";
import { Button, Card } from "~/components/ui";
import type { CampaignPage } from "~/modules/campaigns/get-campaign-page.server";

/**
 * The email as one person in the audience would get it: find someone by name or email, choose
 * them, and see the subject, the HTML and the plain text (a plain GET form: the choice is in the
 * address, so it works without JavaScript and can be shared).
 */
export function PreviewCard({
  preview,
  people,
  find,
  pickerLimit,
}: Pick<CampaignPage, "people" | "find" | "pickerLimit"> & { preview: CampaignPage["preview"] }) {
  return (
    <Card title="Preview">
      <Form method="get" className="mb-4 space-y-3">
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex-1">
            <label htmlFor="find" className="block text-sm font-medium">
              Find someone in the audience
            </label>
            <input
              id="find"
              name="find"
              type="search"
              defaultValue={find}
              maxLength={200}
              className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm"
            />
          </div>
          <Button type="submit" variant="secondary">
            Find
          </Button>
        </div>
        {people.length ? (
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex-1">
              <label htmlFor="recipient" className="block text-sm font-medium">
                Preview for
              </label>
              <select
                id="recipient"
                name="recipient"
                defaultValue={preview.personId ?? ""}
                className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-sm"
              >
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              Show preview
            </Button>
          </div>
        ) : null}
        <p className="text-xs text-muted">
          {people.length === 0
            ? find
              ? "Nobody in the audience matches; the preview uses a stand-in name."
              : "Nobody in the audience can receive this email yet, so the preview uses a stand-in name."
            : people.length >= pickerLimit
              ? `Showing the first ${pickerLimit} people; search by name or email to find anyone else.`
              : `${people.length} ${people.length === 1 ? "person" : "people"} to choose from.`}
        </p>
      </Form>
      <p className="mb-2 text-sm">
        <span className="text-muted">Subject: </span>
        <span data-testid="preview-subject">{preview.email.subject}</span>
      </p>
      <iframe
        title="The email as HTML"
        sandbox=""
        srcDoc={preview.email.html}
        className="h-[48rem] w-full rounded-md border border-line bg-paper"
      />
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm leading-6">
          {preview.email.text}
        </pre>
      </details>
    </Card>
  );
}
