import type { PGlite } from "@electric-sql/pglite";

/**
 * PGlite runs a single PostgreSQL session; pglite-socket lets many client connections share it
 * through a queue. Its own queue (0.2.x) serializes single protocol messages and keeps a
 * connection's turn only while a transaction is open. An extended-protocol query is several
 * messages (Parse, Bind, Describe, Execute, Sync) that share the session's unnamed statement and
 * portal, so two connections whose queries wait in the queue together get interleaved: one binds
 * or executes the other's statement and receives the other's rows, or an error
 * (electric-sql/pglite#1046). A failed message also left that queue stuck for good.
 *
 * This queue gives the session to one connection from the first message of a sequence until
 * the sequence is complete: through Sync (extended protocol), a simple Query, the end of a
 * COPY, and for as long as a transaction stays open. A connection that goes away mid-sequence
 * gives the session back (its open transaction is rolled back, a half sequence is ended).
 */
type Item = {
  handlerId: number;
  queuedAt: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
/** Frontend messages after which the session is mid-sequence (more of the same query follows). */
const OPENS_SEQUENCE = new Set(["P", "B", "D", "E", "C", "H", "d"]);
/** Backend messages that put the session in COPY mode. */
const COPY_RESPONSES = new Set(["G", "H", "W"]);

/** Watches backend output for a COPY-mode response, across chunk boundaries. */
class CopyDetector {
  found = false;
  private header = new Uint8Array(5);
  private headerFill = 0;
  private skip = 0;
  feed(chunk: Uint8Array) {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      this.header[this.headerFill++] = chunk[i++];
      if (this.headerFill === 5) {
        const type = String.fromCharCode(this.header[0]);
        if (COPY_RESPONSES.has(type)) this.found = true;
        const length =
          ((this.header[1] << 24) | (this.header[2] << 16) | (this.header[3] << 8) | this.header[4]) >>> 0;
        this.skip = Math.max(0, length - 4);
        this.headerFill = 0;
      }
    }
  }
}

/** The SQL text of a Parse ('P') or simple Query ('Q') message, or null. */
function statementText(message: Uint8Array): string | null {
  const type = message[0];
  if (type !== 0x50 && type !== 0x51) return null;
  let start = 5;
  if (type === 0x50) {
    while (start < message.length && message[start] !== 0) start++; // the statement's name
    start++;
  }
  let end = start;
  while (end < message.length && message[end] !== 0) end++;
  return new TextDecoder().decode(message.subarray(start, end));
}

/**
 * Background work (an import's check and commit, the eligibility recompute) connects with an
 * application_name starting with this. Its statements go after any waiting request's, and only
 * once requests have left the session alone for BACKGROUND_GRACE_MS: a request sends its
 * queries one after another with a little JavaScript between them, and without the pause a
 * background statement would slip in before each of them. A background statement that has
 * waited BACKGROUND_MAX_WAIT_MS goes next even while requests wait, so a steady stream of
 * requests cannot stop an import or a recompute: it moves at least one statement per wait.
 */
export const BACKGROUND_APPLICATION = "comeback-background";
export const BACKGROUND_GRACE_MS = 30;
export const BACKGROUND_MAX_WAIT_MS = 400;
/** The protocol version 3.0 in a startup message. */
const PROTOCOL_3 = 196608;

/** application_name from a startup message, or null when `message` is not one. */
function startupApplicationName(message: Uint8Array): string | null {
  if (message.length < 9) return null;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  if (view.getInt32(4) !== PROTOCOL_3) return null;
  const parts = new TextDecoder().decode(message.subarray(8)).split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === "application_name") return parts[i + 1];
  return "";
}

/**
 * EMBEDDED_SLOW_MS=<ms>: statements that hold the session longer are written to stderr with
 * their time and text (what kept other requests waiting).
 */
const SLOW_MS = Number(process.env.EMBEDDED_SLOW_MS ?? 0);

export class SessionQueryQueue {
  private queue: Item[] = [];
  /** The last statement each connection parsed or sent (for the slow-statement log). */
  private statements = new Map<number, string>();
  private processing = false;
  /** The connection holding the session, or null when any may go next. */
  private owner: number | null = null;
  private midSequence = false;
  /** Connections that said they are background work (see BACKGROUND_APPLICATION). */
  private background = new Set<number>();
  /** When a request's statement last ended. */
  private lastForeground = 0;
  private wakeUp: NodeJS.Timeout | undefined;

  /** `now` is the clock in milliseconds (performance.now(); the tests give their own). */
  constructor(
    private db: PGlite,
    private now: () => number = () => performance.now(),
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      const name = startupApplicationName(message);
      if (name?.startsWith(BACKGROUND_APPLICATION)) this.background.add(handlerId);
      this.queue.push({ handlerId, queuedAt: this.now(), message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.statements.delete(handlerId);
    this.background.delete(handlerId);
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** Called when a connection goes away: gives the session back if that connection held it. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    try {
      if (this.midSequence) await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC));
      // exec() takes the session's lock itself.
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } finally {
      this.owner = null;
      this.midSequence = false;
      void this.process();
    }
  }

  private next(): Item | undefined {
    if (this.owner !== null) {
      const index = this.queue.findIndex((item) => item.handlerId === this.owner);
      return index === -1 ? undefined : this.queue.splice(index, 1)[0];
    }
    if (this.queue.length === 0) return undefined;
    const now = this.now();
    // Background work that has waited long enough goes first, requests or not (it is oldest first
    // in the queue, so the first background message is the one that waited longest).
    const background = this.queue.findIndex((item) => this.background.has(item.handlerId));
    if (background !== -1 && now - this.queue[background].queuedAt >= BACKGROUND_MAX_WAIT_MS)
      return this.queue.splice(background, 1)[0];
    const request = this.queue.findIndex((item) => !this.background.has(item.handlerId));
    if (request !== -1) return this.queue.splice(request, 1)[0];
    // Only background work waits: it goes once requests have paused (or it waited long enough).
    const wait = Math.min(
      BACKGROUND_GRACE_MS - (now - this.lastForeground),
      BACKGROUND_MAX_WAIT_MS - (now - this.queue[0].queuedAt),
    );
    if (wait <= 0) return this.queue.shift();
    if (!this.wakeUp)
      this.wakeUp = setTimeout(() => {
        this.wakeUp = undefined;
        void this.process();
      }, Math.ceil(wait));
    return undefined;
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const type = String.fromCharCode(item.message[0]);
        const copy = new CopyDetector();
        let bytes = 0;
        const started = SLOW_MS ? performance.now() : 0;
        if (SLOW_MS) {
          const text = statementText(item.message);
          if (text !== null) this.statements.set(item.handlerId, text);
        }
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                if (type === "Q" || type === "E") copy.feed(data);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        } finally {
          if (SLOW_MS && performance.now() - started > SLOW_MS)
            process.stderr.write(
              `slow statement ${(performance.now() - started).toFixed(0)} ms (${type}): ${(this.statements.get(item.handlerId) ?? "").replace(/\s+/g, " ").slice(0, 300)}\n`,
            );
          if (!this.background.has(item.handlerId)) this.lastForeground = this.now();
          this.midSequence = OPENS_SEQUENCE.has(type) || copy.found;
          this.owner = this.midSequence || this.db.isInTransaction() ? item.handlerId : null;
        }
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
