import { Time } from "~/components/time";
import { Badge, Table } from "~/components/ui";

export type SessionRow = {
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  device: string;
  ip: string | null;
};

/** Where the person is signed in: device, when, last seen and the address it came from. */
export function SessionsTable({ sessions }: { sessions: SessionRow[] }) {
  return (
    <Table
      caption="Your live sessions"
      rows={sessions}
      rowKey={(s) => `${s.createdAt}-${s.device}`}
      columns={[
        {
          key: "device",
          label: "Device",
          rowHeader: true,
          cell: (s) => (
            <>
              {s.device} {s.current ? <Badge tone="brand">This browser</Badge> : null}
            </>
          ),
        },
        { key: "signedIn", label: "Signed in", cell: (s) => <Time iso={s.createdAt} /> },
        { key: "lastSeen", label: "Last seen", cell: (s) => <Time iso={s.lastSeenAt} /> },
        { key: "ip", label: "Address", cell: (s) => s.ip ?? "Not recorded" },
      ]}
    />
  );
}
