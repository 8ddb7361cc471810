import { Link } from "@remix-run/react";

export type RecipientOf = {
  /** The person's record, by name, with a link when the viewer may open it. */
  recipient: { name: string; href: string | null } | null;
  /** The name the message was addressed to (kept with the message). */
  toName: string | null;
  toAddress: string;
};

/**
 * Who an email went to, as the outbox and the mailbox show it: the person's name (a link to
 * their record when there is one), then the address. `inline` writes it on one line
 * ("Ingrid Berg <ingrid@example.org>") for a page's description.
 */
export function Recipient({ message, inline = false }: { message: RecipientOf; inline?: boolean }) {
  const { recipient, toName, toAddress } = message;
  const name = recipient?.href ? (
    <Link className="text-brand underline" to={recipient.href}>
      {recipient.name}
    </Link>
  ) : (
    (toName ?? recipient?.name ?? null)
  );
  if (inline) {
    return (
      <>
        {name ? <>{name} </> : null}
        <span className="[overflow-wrap:anywhere]">&lt;{toAddress}&gt;</span>
      </>
    );
  }
  return (
    <>
      {name}
      <span className="block text-xs text-muted [overflow-wrap:anywhere]">{toAddress}</span>
    </>
  );
}
