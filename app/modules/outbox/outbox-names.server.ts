import { TEMPLATES } from "#emails/index";
import { nameRecords, type RecordName } from "~/modules/audit/record-names.server";

/** "return-invitation" -> "Invitation to return"; a key no longer in the registry is kept. */
export function templateTitle(key: string): string {
  return (TEMPLATES as Record<string, { title: string } | undefined>)[key]?.title ?? key;
}

/**
 * The people and campaigns a page of outbox messages is about, by name with a link: the
 * recipient's record and the campaign that queued the message (its sending group).
 */
export async function outboxNames(
  messages: readonly { alumnusId: string | null; campaignId: string | null; throttleKey: string | null }[],
) {
  const campaignOf = (m: { campaignId: string | null; throttleKey: string | null }) =>
    m.campaignId ?? (m.throttleKey?.startsWith("campaign:") ? m.throttleKey.slice("campaign:".length) : null);
  const names = await nameRecords([
    ...messages.map((m) => ["alumnus", m.alumnusId] as const),
    ...messages.map((m) => ["campaign", campaignOf(m)] as const),
  ]);
  return (m: { alumnusId: string | null; campaignId: string | null; throttleKey: string | null }) => {
    const campaignId = campaignOf(m);
    return {
      recipient: m.alumnusId ? (names.get(`alumnus:${m.alumnusId}`) ?? null) : null,
      campaign: campaignId ? (names.get(`campaign:${campaignId}`) ?? null) : null,
    } satisfies { recipient: RecordName | null; campaign: RecordName | null };
  };
}
