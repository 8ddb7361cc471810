import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { defineAction, parseUpload } from "./http.server";

const BOUNDARY = "----upload-intent-boundary";
const part = (name: string, extra = "") =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n`;

/** A multipart post as a browser sends a step's upload: its intent and step first, then the file. */
function uploadRequest(fileBytes: number) {
  const body = Buffer.concat([
    Buffer.from(
      `${part("intent")}\r\nupload:t1\r\n${part("taskId")}\r\nt1\r\n` +
        `${part("document", '; filename="scan.pdf"')}Content-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.alloc(fileBytes, 0x25),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  // In 16 kB pieces, as it comes off the network.
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= body.length) return controller.close();
      controller.enqueue(body.subarray(offset, offset + 16 * 1024));
      offset += 16 * 1024;
    },
  });
  return new Request("http://localhost/portal/onboarding/c1", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

const action = defineAction(async ({ request }) => {
  let bytes = 0;
  await parseUpload(request, {
    schema: z.object({ taskId: z.string() }),
    file: "document",
    maxBytes: 64 * 1024,
    intent: "upload",
    tooLarge: () => new AppError("validation", "Too large.", { fieldErrors: { document: ["Too large."] } }),
    onFile: async (file) => {
      for await (const chunk of file.data) bytes += chunk.length;
    },
  });
  return { ok: true as const, bytes };
});

type Answer = { data: { ok: boolean; intent?: string; error?: { fieldErrors?: Record<string, string[]> } } };

describe("an upload refused while its file is still arriving", () => {
  it("answers with the intent its form sent before the file, so the refusal lands under that form's field", async () => {
    const answer = (await action({
      request: uploadRequest(200 * 1024),
      params: {},
      context: { correlationId: "c1", cspNonce: "n1" },
    })) as Answer;
    expect(answer.data.ok).toBe(false);
    expect(answer.data.intent).toBe("upload:t1");
    expect(answer.data.error?.fieldErrors).toEqual({ document: ["Too large."] });
  });

  it("a file within the limit is read whole", async () => {
    const answer = (await action({
      request: uploadRequest(1000),
      params: {},
      context: { correlationId: "c1", cspNonce: "n1" },
    })) as unknown as {
      ok: boolean;
      bytes: number;
    };
    expect(answer).toEqual({ ok: true, bytes: 1000 });
  });
});
