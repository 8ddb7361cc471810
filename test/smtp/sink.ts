import net from "node:net";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

/**
 * A real SMTP receiver for tests and benches (smtp-server), counting what arrives by
 * Message-ID. It can refuse recipients (4xx or 5xx, a given number of times), answer 421 to
 * everything (`setDown`), and, through a TCP relay in front of it, refuse connections outright
 * (`cutConnections` / `restoreConnections`), which is what a dead mail server looks like.
 */
export type Rejection = { code: number; message: string; times: number };
export type ReceivedMail = { messageId: string; rcptTo: string[]; raw: string };

function smtpError(code: number, message: string) {
  return Object.assign(new Error(message), { responseCode: code });
}

export function messageIdOf(raw: string) {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? "";
}

export async function startSmtpSink(options: { keepRaw?: boolean; port?: number } = {}) {
  const counts = new Map<string, number>();
  const mails: ReceivedMail[] = [];
  const rejections = new Map<string, Rejection>();
  const inTransaction = new Set<string>();
  let down = false;
  let received = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      callback(down ? smtpError(421, "Service not available, closing transmission channel") : undefined);
    },
    onMailFrom(_address, session: SMTPServerSession, callback) {
      if (down) return callback(smtpError(421, "Service not available, try again later"));
      inTransaction.add(session.id);
      callback();
    },
    onRcptTo(address, session, callback) {
      const rule = rejections.get(address.address.toLowerCase());
      if (rule && rule.times > 0) {
        rule.times--;
        inTransaction.delete(session.id);
        return callback(smtpError(rule.code, rule.message));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const id = messageIdOf(raw);
        counts.set(id, (counts.get(id) ?? 0) + 1);
        received++;
        if (options.keepRaw)
          mails.push({ messageId: id, rcptTo: session.envelope.rcptTo.map((r) => r.address), raw });
        inTransaction.delete(session.id);
        callback();
      });
    },
    onClose(session) {
      inTransaction.delete(session.id);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const smtpPort = (server.server.address() as AddressInfo).port;

  // The relay clients connect to; closing it refuses connections and drops open ones.
  const sockets = new Set<net.Socket>();
  let relay: net.Server | undefined;
  let relayPort = options.port ?? 0;
  async function openRelay() {
    relay = net.createServer((client) => {
      const upstream = net.connect(smtpPort, "127.0.0.1");
      // Without this, Nagle's algorithm and delayed ACKs add ~40 ms to every SMTP reply through the relay.
      client.setNoDelay(true);
      upstream.setNoDelay(true);
      sockets.add(client);
      sockets.add(upstream);
      const end = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on("error", end).on("close", end);
      upstream.on("error", end).on("close", end);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay!.listen(relayPort, "127.0.0.1", resolve));
    relayPort = (relay.address() as AddressInfo).port;
  }
  await openRelay();

  return {
    url: () => `smtp://127.0.0.1:${relayPort}`,
    counts,
    mails,
    received: () => received,
    /** Message-IDs that arrived more than once. */
    duplicates: () => [...counts.entries()].filter(([, n]) => n > 1).map(([id]) => id),
    reset() {
      counts.clear();
      mails.length = 0;
      received = 0;
    },
    reject(address: string, rejection: Rejection) {
      rejections.set(address.toLowerCase(), { ...rejection });
    },
    /** 421 to every new connection and transaction. */
    setDown(value: boolean) {
      down = value;
    },
    inFlight: () => inTransaction.size,
    /**
     * Refuses new connections and drops open ones. Call after setDown(true) and inFlight() = 0 to
     * avoid cutting a message mid-way, and after the client has seen the last 250: a message is
     * counted before its reply crosses the relay, and a dropped reply means the client sends again.
     */
    async cutConnections() {
      const closing = new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
      sockets.clear();
      await closing;
      relay = undefined;
    },
    async restoreConnections() {
      if (!relay) await openRelay();
    },
    async close() {
      await this.cutConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
