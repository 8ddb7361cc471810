/**
 * The bench's SMTP sink in a process of its own, so receiving mail does not share a thread with
 * the dispatcher being measured. Talks to its parent over IPC: it sends { ready, url } once,
 * then answers { type: "stats" } with what it has received, and { type: "reset" }.
 */
import { startSmtpSink } from "../../test/smtp/sink";

const sink = await startSmtpSink();
process.send?.({ ready: true, url: sink.url() });
process.on("message", (message: { type: string; id?: number }) => {
  if (message.type === "stats") {
    process.send?.({
      id: message.id,
      received: sink.received(),
      unique: sink.counts.size,
      duplicates: sink.duplicates().length,
    });
  } else if (message.type === "reset") {
    sink.reset();
    process.send?.({ id: message.id, ok: true });
  } else if (message.type === "stop") {
    void sink.close().then(() => process.exit(0));
  }
});
process.on("disconnect", () => process.exit(0));
