import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { AppError } from "./errors";

/**
 * A streamed multipart/form-data reader (RFC 7578) on busboy: fields arrive as strings, files as
 * streams handed to `onFile` one after the other, never whole in memory. Every way a body can be
 * wrong answers 4xx with a sentence: no boundary or a broken body -> 400, past a limit -> 413.
 */
export type MultipartFile = {
  /** The form field's name. */
  name: string;
  /** The file name the browser sent, without any path. */
  filename: string;
  mimeType: string;
  data: AsyncIterable<Uint8Array>;
};

export type MultipartOptions = {
  onField: (name: string, value: string) => void;
  /** Files are drained and ignored without a handler. */
  onFile?: (file: MultipartFile) => Promise<void>;
  /** The whole body. */
  maxBytes: number;
  /** One file's bytes (the handler may refuse sooner with its own message). */
  maxFileBytes?: number;
  /** One non-file field's bytes. */
  maxFieldBytes?: number;
  maxFields?: number;
  maxFiles?: number;
  /** The refusal when the body or a file is too large (default: formTooLarge). */
  tooLarge?: () => AppError;
};

export const malformedForm = () =>
  new AppError(
    "bad_request",
    "The form arrived malformed or incomplete, so it could not be read. Reload the page and send it again.",
  );

export const formTooLarge = (what = "This form") =>
  new AppError(
    "payload_too_large",
    `${what} is larger than we accept. Send less at once, or shorten the longest fields.`,
  );

export function declaredLength(request: Request): number | undefined {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d{1,20}$/.test(header.trim())) return undefined;
  return Number(header);
}

/** Reads a multipart body, calling `onField` and `onFile` in the order the parts arrive. */
export async function readMultipart(request: Request, options: MultipartOptions): Promise<void> {
  const contentType = request.headers.get("content-type") ?? "";
  const declared = declaredLength(request);
  const tooLarge = options.tooLarge ?? (() => formTooLarge());
  if (declared !== undefined && declared > options.maxBytes) throw tooLarge();
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        fieldSize: options.maxFieldBytes ?? 64 * 1024,
        fieldNameSize: 200,
        fields: options.maxFields ?? 1000,
        files: options.maxFiles ?? 1,
        fileSize: options.maxFileBytes ?? options.maxBytes,
        parts: (options.maxFields ?? 1000) + (options.maxFiles ?? 1),
        headerPairs: 20,
      },
    });
  } catch {
    // No boundary, or not multipart at all.
    throw malformedForm();
  }
  if (!request.body) throw malformedForm();

  let received = 0;
  let draining = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      // Once refused, the rest of a moderate body is read and dropped, so the answer reaches the
      // client (closing the connection under it would lose it); a body past four times the limit
      // is cut off.
      if (draining) return received > options.maxBytes * 4 ? callback(tooLarge()) : callback();
      if (received > options.maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
  const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const pending: Promise<void>[] = [];
    const files = new Set<Readable>();
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      draining = true;
      counter.unpipe(parser);
      parser.removeAllListeners("close");
      parser.on("error", () => undefined);
      // A handler still reading its file sees the stream end with an error, and stops.
      for (const file of files) file.destroy(malformedForm());
      counter.resume();
      reject(error instanceof AppError ? error : malformedForm());
    };
    parser.on("field", (name, value, info) => {
      if (settled) return;
      if (info.nameTruncated || info.valueTruncated) return fail(formTooLarge("A field in this form"));
      options.onField(name, value);
    });
    parser.on("file", (name, stream, info) => {
      if (settled || !options.onFile) {
        stream.on("error", () => undefined);
        stream.resume();
        return;
      }
      files.add(stream);
      stream.on("close", () => files.delete(stream));
      // A body that breaks off destroys the file stream with an error ("Unexpected end of form"):
      // the handler reading it sees that error itself; without a listener of our own it would be
      // an uncaught exception once the handler has stopped listening.
      stream.on("error", () => undefined);
      stream.on("limit", () => fail(options.tooLarge?.() ?? formTooLarge("This file")));
      pending.push(
        options
          .onFile({
            name,
            filename: (info.filename ?? "").split(/[\\/]/).pop() ?? "",
            mimeType: info.mimeType,
            data: stream,
          })
          .catch((error: unknown) => {
            // The handler's own refusal counts; a stream broken under it means a broken body.
            fail(error instanceof AppError ? error : malformedForm());
            stream.resume();
          }),
      );
    });
    for (const event of ["fieldsLimit", "filesLimit", "partsLimit"] as const) {
      parser.on(event, () =>
        fail(
          new AppError(
            "payload_too_large",
            "This form has more fields or files than we accept. Reload the page and send it again.",
          ),
        ),
      );
    }
    parser.on("error", fail);
    counter.on("error", (error) => (settled ? source.destroy() : fail(error)));
    source.on("error", () => fail(malformedForm()));
    parser.on("close", () => {
      Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        resolve();
      }, fail);
    });
    source.pipe(counter).pipe(parser);
  });
}
