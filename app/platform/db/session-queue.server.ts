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

export class SessionQueryQueue {
  private queue: Item[] = [];
  private processing = false;
  /** The connection holding the session, or null when any may go next. */
  private owner: number | null = null;
  private midSequence = false;

  constructor(private db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
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
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const type = String.fromCharCode(item.message[0]);
        const copy = new CopyDetector();
        let bytes = 0;
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
