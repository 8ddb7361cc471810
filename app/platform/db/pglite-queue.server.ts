import type { PGlite } from "@electric-sql/pglite";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const COPY_DONE = 0x63; // 'c'
const COPY_FAIL = 0x66; // 'f'
const COPY_IN_RESPONSE = 0x47; // 'G' (server)
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

/** True when a chunk of server messages contains CopyInResponse (the server now waits for COPY data). */
function startsCopyIn(chunk: Uint8Array): boolean {
  let at = 0;
  while (at + 5 <= chunk.length) {
    if (chunk[at] === COPY_IN_RESPONSE) return true;
    const length = ((chunk[at + 1] << 24) | (chunk[at + 2] << 16) | (chunk[at + 3] << 8) | chunk[at + 4]) >>> 0;
    if (length < 4) return false;
    at += 1 + length;
  }
  return false;
}

/**
 * The queue in front of embedded PostgreSQL (replaces pglite-socket's own, see ADR 012).
 *
 * PGlite has one backend; pglite-socket lets many connections share it and runs one protocol
 * message at a time from any of them. PostgreSQL's extended protocol is a sequence per
 * connection (Parse, Bind, Describe, Execute ... Sync): another connection's Parse in between
 * replaces the unnamed statement, so the first one fails ("unnamed prepared statement does not
 * exist") or, worse, binds its values to the other's statement. Here a connection keeps the
 * backend from its first message until it is idle again: after its Sync or simple Query (or
 * the end of a COPY), and outside any transaction. Everyone else waits their turn, in order.
 */
export class ConnectionAwareQueue {
  private items: Item[] = [];
  private processing = false;
  private owner: number | null = null;
  private copying = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.items.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength() {
    return this.items.length;
  }

  /** The connection went away: drop what it still had queued. */
  clearQueueForHandler(handlerId: number) {
    this.items = this.items.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** ...and if it held the backend, end its transaction or half-sent sequence, then let others in. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    try {
      // Sync ends a half-sent extended sequence; exec takes PGlite's lock itself, so it runs after.
      await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC_MESSAGE));
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } finally {
      this.owner = null;
      this.copying = false;
      void this.pump();
    }
  }

  private next(): Item | undefined {
    if (this.owner === null) return this.items.shift();
    const index = this.items.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.items.splice(index, 1)[0];
  }

  private async pump() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        let copyIn = false;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                if (!copyIn && startsCopyIn(data)) copyIn = true;
                item!.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.afterMessage(item, copyIn);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  private afterMessage(item: Item, copyIn: boolean) {
    const type = item.message[0];
    if (copyIn) this.copying = true;
    if (type === COPY_DONE || type === COPY_FAIL) this.copying = false;
    // A startup message begins with its length (first byte 0); it ends its own exchange.
    const endsExchange = type === 0 || type === SYNC || type === QUERY || type === TERMINATE || type === COPY_DONE || type === COPY_FAIL;
    const idle = endsExchange && !this.copying && !this.db.isInTransaction();
    this.owner = idle ? null : item.handlerId;
  }
}
