import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { buildAuthzFixtures } from "./fixtures";
import { uniqueIp } from "./helpers";

/**
 * The bad inputs an outside tester found answering 500, one by one (issue 11). Each answers a
 * 4xx with a plain sentence, or the page with the bad value left out (and said so); none is a
 * 5xx. test/http/fuzz.test.ts sends the same families to every route of the manifest.
 */
let app: TestApp;
let hr: string;
let admin: string;
let records: Record<string, string>;
const PASSWORD = "a bad input test password";
let hrEmail: string;

beforeAll(async () => {
  app = await startTestApp();
  const fixtures = await buildAuthzFixtures();
  hr = (await fixtures.cookieFor("hr"))!;
  admin = (await fixtures.cookieFor("admin"))!;
  records = fixtures.records;
  hrEmail = (await createStaffUser(db, { role: "hr", password: PASSWORD })).email;
});
afterAll(async () => {
  await app?.close();
});

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** node:http so the path and headers go out exactly as written (no URL normalisation). */
function send(
  path: string,
  init: { method?: string; cookie?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const { hostname, port } = new URL(app.url);
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      {
        host: hostname,
        port,
        path,
        method: init.method ?? "GET",
        // A fresh connection each time: a kept-alive socket the server has just closed would
        // fail the request for reasons of its own.
        agent: false,
        headers: {
          "X-Forwarded-For": uniqueIp(),
          ...(init.cookie ? { Cookie: init.cookie } : {}),
          ...(init.method === "POST" ? { Origin: app.url } : {}),
          ...init.headers,
        },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        );
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

/** A GET as a browser makes it, following the list's redirect to its canonical address. */
async function open(path: string, cookie: string) {
  let answer = await send(path, { cookie });
  for (let hops = 0; hops < 3 && answer.status === 302 && answer.headers.location; hops++) {
    answer = await send(
      new URL(answer.headers.location, app.url).pathname + new URL(answer.headers.location, app.url).search,
      { cookie },
    );
  }
  return answer;
}

const text = (body: string) =>
  body
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

describe("a NUL byte in a query parameter or path segment", () => {
  it.each([
    ["alumni search", "/staff/alumni?q=a%00b"],
    ["alumni filter", "/staff/alumni?department=a%00b"],
    ["audit filter", "/staff/admin/audit?action=a%00b"],
    ["outbox filter", "/staff/outbox?to=a%00b"],
  ])("%s: the list opens and says the value was left out", async (_name, path) => {
    const answer = await open(path, path.includes("/admin/") ? admin : hr);
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toMatch(/left out|ignored|could not use/i);
  });

  it("campaign recipient search: the campaign opens and says the search was left out", async () => {
    const answer = await open(`/staff/campaigns/${records.campaignId}?find=a%00b`, hr);
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toMatch(/recipient search/i);
  });

  it.each([
    "/staff/alumni/%00",
    "/staff/alumni/a%00b",
    "/staff/decisions/%00",
    "/staff/campaigns/%00",
    "/staff/imports/%00",
    "/staff/outbox/%00",
    "/staff/eligibility/people/%00",
    "/staff/programs/%00",
    "/staff/applications/%00",
  ])("%s is a plain 404", async (path) => {
    const answer = await send(path, { cookie: hr });
    expect(answer.status).toBe(404);
  });
});

describe("impossible or out-of-range dates and numbers", () => {
  it("exitFrom=2024-99-99 leaves the date out and says so", async () => {
    const answer = await open("/staff/alumni?exitFrom=2024-99-99", hr);
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toMatch(/left out|ignored|could not use/i);
  });

  it("from=0000-01-01 on the audit trail leaves the date out and says so", async () => {
    const answer = await open("/staff/admin/audit?from=0000-01-01", admin);
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toMatch(/left out|ignored|could not use/i);
  });

  it("a page number past 64 bits opens the first page", async () => {
    const answer = await open("/staff/campaigns?page=99999999999999999999", hr);
    expect(answer.status).toBe(200);
  });
});

describe("a POST that is not a form", () => {
  it.each([
    ["application/json", '{"email":"x"}', 415],
    ["text/plain", "email=x", 415],
  ])("%s to a form route is a 415 with a sentence", async (type, body, status) => {
    const answer = await send("/staff/decisions/new", {
      method: "POST",
      cookie: hr,
      headers: { "Content-Type": type },
      body,
    });
    expect(answer.status).toBe(status);
  });

  it("no body at all is an empty form: the fields that are missing are named", async () => {
    const answer = await send("/staff/decisions/new", { method: "POST", cookie: hr });
    expect(answer.status).toBe(422);
  });

  it.each(["/sign-out", "/portal/sign-out"])(
    "a bad form to %s gets a plain sentence (no page to show it on), not JSON or a 500",
    async (path) => {
      const answers = [
        await send(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }),
        await send(path, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "x" }),
        await send(path, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "everywhere=%00",
        }),
      ];
      expect(answers.map((a) => a.status)).toEqual([415, 415, 422]);
      for (const answer of answers) {
        expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
        expect(answer.body).not.toMatch(/^\s*[{[]/);
        expect(answer.body.trim().length).toBeGreaterThan(20);
      }
    },
  );

  it("JSON to the sign-in page is refused, not a 500", async () => {
    const answer = await send("/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(answer.status).toBe(415);
  });
});

describe("malformed multipart on the import upload", () => {
  const boundary = "----badinputboundary";
  const type = `multipart/form-data; boundary=${boundary}`;
  const file = (filename: string, content: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`;
  const end = `--${boundary}--\r\n`;

  it.each([
    ["no boundary", "multipart/form-data", file("a.csv", "Employee ID\r\nE1") + end, 400],
    ["a truncated body", type, file("a.csv", "Employee ID,Name\r\nE1,Ada").slice(0, -20), 400],
    [
      "an over-long non-file field",
      type,
      `--${boundary}\r\nContent-Disposition: form-data; name="mappingId"\r\n\r\n${"x".repeat(1024 * 1024)}\r\n${end}`,
      413,
    ],
  ])("%s: %s", async (_name, contentType, body, status) => {
    const answer = await send("/staff/imports/new", {
      method: "POST",
      cookie: hr,
      headers: { "Content-Type": contentType },
      body,
    });
    expect(answer.status).toBe(status);
  });

  it("a file name with = inside quotes is read whole and the upload goes ahead", async () => {
    const answer = await send("/staff/imports/new", {
      method: "POST",
      cookie: hr,
      headers: { "Content-Type": type },
      body: file("alumni=2024; final.csv", "Employee ID,First name,Last name\r\nE1,Ada,Lovelace\r\n") + end,
    });
    expect(answer.status).toBe(302);
    const created = await db.importRun.findFirst({ orderBy: { createdAt: "desc" } });
    expect(created?.fileName).toBe("alumni=2024; final.csv");
  });
});

describe("a session cookie that is not valid percent-encoding", () => {
  it.each(["/sign-in", "/staff", "/staff/alumni", "/portal/sign-in", "/portal"])(
    "%s answers as for a signed-out visitor",
    async (path) => {
      const answer = await send(path, { cookie: "comeback_session=%" });
      expect(answer.status).toBeLessThan(500);
      expect([200, 302]).toContain(answer.status);
    },
  );

  it("the person can sign in again with it still in the browser", async () => {
    const answer = await send("/sign-in", {
      method: "POST",
      cookie: "comeback_session=%",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: hrEmail, password: PASSWORD }).toString(),
    });
    expect(answer.status).toBe(302);
    expect(String(answer.headers["set-cookie"])).toMatch(/comeback_session=/);
  });
});

describe("behind a reverse proxy that rewrites Host", () => {
  it.each([
    ["Host", { Host: "internal.proxy:8080" }],
    ["X-Forwarded-Host", { "X-Forwarded-Host": "internal.proxy" }],
  ])(
    "a form post with our Origin and another %s is judged against APP_URL and goes through",
    async (_n, headers) => {
      const answer = await send("/sign-in", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ email: hrEmail, password: PASSWORD }).toString(),
      });
      expect(answer.status).toBe(302);
    },
  );

  it("a form post from another origin is still refused", async () => {
    const answer = await send("/sign-in", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://evil.example",
        Host: "evil.example",
      },
      body: new URLSearchParams({ email: hrEmail, password: PASSWORD }).toString(),
    });
    expect(answer.status).toBe(403);
  });
});
