import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_DIR } from "../../server/build";
import { countTried, triedSummary } from "../hostile/payloads";
import { startTestApp, type TestApp } from "../setup/app-server";
import { buildAuthzFixtures } from "./fixtures";
import { uniqueIp } from "./helpers";
import { createStaffUser } from "../factories";
import { db } from "~/platform/db.server";
import { ROUTE_POLICY, type Reads, type Role, type Row } from "./route-policy";

/**
 * HARDENING.md: no input of any shape answers 5xx. Walks the real route manifest and sends each
 * route hostile values in every query parameter, path parameter and form field it reads, then
 * hostile requests as a whole: wrong content types, malformed multipart, oversized bodies,
 * broken cookies and a Host that is not ours. Fails on any 5xx and prints routes x payloads
 * tried for the README.
 *
 * What a route reads is found, not only declared, so a route added later is covered without
 * anyone remembering to list its inputs: the query parameters its loader reads while answering
 * (recorded as the app reads them through URLSearchParams) and the fields of every form its
 * page renders (with the values the page fills in, so one hostile field reaches as far into the
 * action as it can). The `reads` of a policy row add what a page does not show (valid values for
 * a form that needs them, a multipart upload).
 */
const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href)) as ServerBuild;
// FUZZ_ROUTES=<regular expression> narrows the run to matching route ids (while fixing one).
const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
const routeIds = Object.keys(build.routes).filter((id) => id !== "root" && (!only || only.test(id)));
let app: TestApp;
let fixtures: Awaited<ReturnType<typeof buildAuthzFixtures>>;
let records: Record<string, string>;
const cookies = new Map<Role, string | null>();

beforeAll(async () => {
  app = await startTestApp();
  fixtures = await buildAuthzFixtures();
  // Staff-admin actions (change role, deactivate...) act on a spare account, not on a fixture
  // user whose session the other routes are fuzzed with.
  const spare = await createStaffUser(db, { role: "hr" });
  records = { ...fixtures.records, hrUserId: spare.id };
});
afterAll(async () => {
  const byClass = [...statuses.entries()]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");
  console.log(
    `hostile input fuzz: ${routesTried} routes (${discoveredQuery} query parameters and ${discoveredFields} form fields found on the pages beyond the declared ones), ${requests} requests (${VALUE_PAYLOADS.length} value payloads per field, ${COOKIE_PAYLOADS.length} cookies, ${requestPayloads().length} request shapes), ${fiveHundreds} answered 5xx; answers ${byClass}`,
  );
  console.log(`hostile inputs tried: ${triedSummary()}`);
  await app?.close();
});

type Payload = { name: string; raw: string };
const enc = encodeURIComponent;

/** Values for one query parameter, path segment or form field, percent-encoded as sent (`raw`). */
export const VALUE_PAYLOADS: Payload[] = [
  { name: "NUL", raw: enc("a\u0000b") },
  { name: "10,000 characters", raw: "x".repeat(10_000) },
  { name: "impossible date", raw: "2024-99-99" },
  { name: "year zero", raw: "0000-01-01" },
  { name: "year past 9999", raw: "275760-09-14" },
  { name: "date and time out of range", raw: enc("9999-12-31T23:59:59.999Z") },
  { name: "number past 64 bits", raw: "99999999999999999999" },
  { name: "negative number", raw: "-1" },
  { name: "exponent past a double", raw: "1e309" },
  { name: "bad and lone percent escapes", raw: "%ZZ%E0%A4%A%" },
  { name: "invalid UTF-8 and a lone surrogate", raw: "%FF%FE%C0%AF%ED%A0%80" },
  { name: "control and direction characters", raw: enc("\u0007\u202e\u2066x\r\n") },
  { name: "SQL wildcards and path traversal", raw: enc("%_\\../..\\") },
  { name: "markup", raw: enc('"><svg onload=alert(1)>') },
  { name: "prototype key", raw: "__proto__" },
];

/** Cookies that are not what we set. */
const COOKIE_PAYLOADS = [
  "comeback_session=%",
  "comeback_session=%E0%A4%A",
  "comeback_session=%00",
  `comeback_session=${"A".repeat(4000)}`,
  "comeback_session",
  "=; ;;=x",
  "comeback_session=a; comeback_session=b",
];

// Query parameters the app reads while it answers one request (see discover()).
const queryReads = new Set<string>();
let recordingQuery = false;
for (const method of ["get", "getAll", "has"] as const) {
  const prototype = URLSearchParams.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = prototype[method];
  prototype[method] = function (this: URLSearchParams, ...args: unknown[]) {
    if (recordingQuery && typeof args[0] === "string") queryReads.add(args[0]);
    return original.apply(this, args);
  };
}
/** Keys Remix itself reads (`?index`, `?_data`, `?_route`): not the route's own input. */
const ROUTER_KEYS = /^(_.*|index)$/;
let discoveredQuery = 0;
let discoveredFields = 0;

type Found = { query: string[]; forms: Record<string, Record<string, string>> };

/**
 * GETs the page as `role`, recording the query parameters the app reads, and reads the forms it
 * renders: GET forms name query parameters; POST forms to this page name the action's fields,
 * one form per `intent` button, with the values the page filled in.
 */
async function discover(url: string, role: Role): Promise<Found> {
  const cookie = await cookieFor(role);
  queryReads.clear();
  recordingQuery = true;
  let html = "";
  try {
    const response = await fetch(url, {
      headers: { "X-Forwarded-For": uniqueIp(), ...(cookie ? { Cookie: cookie } : {}) },
      redirect: "manual",
    });
    html = (response.headers.get("content-type") ?? "").includes("text/html") ? await response.text() : "";
  } finally {
    recordingQuery = false;
  }
  const query = new Set([...queryReads].filter((key) => !ROUTER_KEYS.test(key)));
  const forms: Record<string, Record<string, string>> = {};
  if (html.includes("<form")) {
    const window = new Window({
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
      },
    });
    const document = new window.DOMParser().parseFromString(html, "text/html");
    const pagePath = new URL(url).pathname;
    for (const form of document.querySelectorAll("form")) {
      const method = (form.getAttribute("method") ?? "get").toLowerCase();
      // A form that posts elsewhere (the header's sign-out) is that route's input, not this one's.
      if (new URL(form.getAttribute("action") ?? url, url).pathname !== pagePath) continue;
      const id = form.getAttribute("id");
      const controls = [
        ...form.querySelectorAll("[name]"),
        ...(id ? document.querySelectorAll(`[form="${id.replace(/"/g, '\\"')}"][name]`) : []),
      ];
      const fields: Record<string, string> = {};
      const intents: string[] = [];
      for (const control of controls) {
        const name = control.getAttribute("name")!;
        const tag = control.tagName.toLowerCase();
        const type = (control.getAttribute("type") ?? "").toLowerCase();
        if (tag === "button" || type === "submit") {
          if (name === "intent") intents.push(control.getAttribute("value") ?? "");
          else fields[name] ??= control.getAttribute("value") ?? "";
        } else if (tag === "select") {
          fields[name] ??= (control as unknown as { value: string }).value ?? "";
        } else if (tag === "textarea") {
          fields[name] ??= control.textContent ?? "";
        } else if (type !== "file") {
          fields[name] ??= control.getAttribute("value") ?? (type === "checkbox" ? "on" : "");
        }
      }
      if (method === "get") {
        for (const name of Object.keys(fields)) query.add(name);
        continue;
      }
      const hiddenIntent = fields.intent;
      delete fields.intent;
      for (const intent of intents.length ? intents : [hiddenIntent ?? ""]) {
        forms[intent] = { ...forms[intent], ...fields };
      }
    }
    await window.happyDOM.close();
  }
  return { query: [...query], forms };
}

/** What the policy row declares, with what the page showed added. */
function withFound(reads: Reads, found: Found): Reads {
  const query = [...new Set([...(reads.query ?? []), ...found.query])];
  discoveredQuery += query.length - (reads.query?.length ?? 0);
  const form: Record<string, Record<string, string>> = {};
  for (const [intent, fields] of Object.entries(found.forms)) {
    form[intent] = { ...fields, ...reads.form?.[intent] };
    discoveredFields += Object.keys(form[intent]).length - Object.keys(reads.form?.[intent] ?? {}).length;
  }
  for (const [intent, fields] of Object.entries(reads.form ?? {})) form[intent] ??= fields;
  return { ...reads, query, form };
}

const ROLE_ORDER: Role[] = ["hr", "admin", "manager", "alumnus", "anonymous"];
function roleFor(row: Row): Role {
  return ROLE_ORDER.find((role) => row[role] === "ok") ?? "anonymous";
}

function fill(value: string, records: Record<string, string>) {
  return value.replace(/:([A-Za-z]+)/g, (match, name: string) =>
    records[name] ? enc(records[name]) : match,
  );
}

function placeholders(pathname: string) {
  return [...pathname.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
}

let failures: string[] = [];
let after: (() => void) | undefined;
let requests = 0;
let routesTried = 0;
let fiveHundreds = 0;
const statuses = new Map<string, number>();

/** One session per role, renewed when a request ended it (sign-out). */
async function cookieFor(role: Role) {
  if (!cookies.has(role)) cookies.set(role, await fixtures.cookieFor(role));
  return cookies.get(role) ?? null;
}

async function send(
  label: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; role: Role },
) {
  const cookie = await cookieFor(init.role);
  const headers: Record<string, string> = {
    "X-Forwarded-For": uniqueIp(),
    ...(cookie ? { Cookie: cookie } : {}),
    ...(init.method === "POST" ? { Origin: app.url } : {}),
    ...init.headers,
  };
  let status: number;
  try {
    status = await rawRequest(url, init.method ?? "GET", headers, init.body);
  } catch (error) {
    status = 599;
    label += ` (${(error as Error).message})`;
  }
  requests++;
  const kind = `${String(status)[0]}xx`;
  statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
  if (status >= 500) {
    fiveHundreds++;
    failures.push(`${label} -> ${status}`);
  }
  return status;
}

/**
 * node:http rather than fetch: the path goes out exactly as written (no URL normalisation), and
 * Host and Content-Length can be whatever the test says.
 */
function rawRequest(url: string, method: string, headers: Record<string, string>, body?: string) {
  const target = /^(https?:\/\/[^/]+)(.*)$/.exec(url)!;
  const origin = new URL(target[1]);
  return new Promise<number>((resolve, reject) => {
    let answered: number | undefined;
    const request = http.request(
      {
        host: origin.hostname,
        port: origin.port,
        method,
        path: target[2] || "/",
        headers,
        timeout: 30_000,
        // A fresh connection per request: a kept-alive socket the server closes as the next
        // request goes out fails with ECONNRESET for reasons that are not the app's.
        agent: false,
      },
      (response) => {
        answered = response.statusCode ?? 0;
        response.resume();
        response.on("end", () => resolve(answered!));
        response.on("error", () => resolve(answered!));
      },
    );
    request.on("timeout", () => request.destroy(new Error("no answer within 30 s")));
    // The server may answer (413) and close before it has read a large body: its answer counts.
    request.on("error", (error) => (answered !== undefined ? resolve(answered) : reject(error)));
    if (body !== undefined) request.end(body);
    else request.end();
  });
}

function formBody(fields: Record<string, string>, records: Record<string, string>, fuzz?: [string, string]) {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (fuzz && name === fuzz[0]) continue;
    parts.push(`${enc(name)}=${enc(value).replace(/%3A([A-Za-z]+)/g, ":$1")}`);
  }
  if (fuzz) parts.push(`${enc(fuzz[0])}=${fuzz[1]}`);
  return fill(parts.join("&"), records);
}

const MULTIPART_BOUNDARY = "----fuzzboundary7MA4YWxkTrZu0gW";
function multipart(parts: string[], boundary = MULTIPART_BOUNDARY) {
  return `${parts.map((p) => `--${boundary}\r\n${p}`).join("\r\n")}\r\n--${boundary}--\r\n`;
}

/** Whole requests that are wrong as a whole, for every action. */
function requestPayloads(): { name: string; headers: Record<string, string>; body?: string }[] {
  return [
    { name: "JSON body", headers: { "Content-Type": "application/json" }, body: '{"intent":"x"}' },
    { name: "text/plain body", headers: { "Content-Type": "text/plain" }, body: "intent=x" },
    { name: "no body, no content type", headers: {} },
    { name: "XML body", headers: { "Content-Type": "application/xml" }, body: "<a/>" },
    { name: "multipart without boundary", headers: { "Content-Type": "multipart/form-data" }, body: "x" },
    {
      name: "truncated multipart",
      headers: { "Content-Type": `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` },
      body: `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave`,
    },
    {
      name: "multipart with a quoted = and ; in a file name",
      headers: { "Content-Type": `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` },
      body: multipart([
        'Content-Disposition: form-data; name="file"; filename="a=b; c.csv"\r\nContent-Type: text/csv\r\n\r\nEmployee ID,Name\r\nE1,Ada',
      ]),
    },
    {
      name: "urlencoded, 3 MB",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `note=${"x".repeat(3 * 1024 * 1024)}`,
    },
    {
      name: "urlencoded, 10,000 fields",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: Array.from({ length: 10_000 }, (_, i) => `f${i}=1`).join("&"),
    },
    {
      name: "charset the form never sends",
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-16" },
      body: "intent=x",
    },
  ];
}

describe("hostile input on every route", () => {
  // A route with many fields takes minutes on a loaded machine: each request renders its page.
  it.each(routeIds)(
    "%s never answers 5xx",
    async (id) => {
      failures = [];
      const started = Date.now();
      const before = requests;
      const policy = ROUTE_POLICY[id];
      expect(policy, `${id} has a policy row`).toBeDefined();
      routesTried++;
      // Signing out ends the session it is sent with: fresh sessions for the next route.
      if (id === "routes/sign-out") after = () => cookies.clear();
      // Fresh sessions for every route: an action of the route before may have ended them.
      cookies.clear();
      const [pathname, baseQuery = ""] = policy.path.split("?");
      const base = fill(pathname, records);
      const params = placeholders(pathname);
      const reads = policy.loader
        ? withFound(
            policy.reads ?? {},
            await discover(`${app.url}${base}${baseQuery ? `?${baseQuery}` : ""}`, roleFor(policy.loader)),
          )
        : (policy.reads ?? {});

      if (policy.loader) {
        const role = roleFor(policy.loader);
        for (const name of reads.query ?? []) {
          for (const payload of VALUE_PAYLOADS) {
            await send(
              `GET ${pathname}?${name}=<${payload.name}>`,
              `${app.url}${base}?${name}=${payload.raw}`,
              {
                role,
              },
            );
          }
          await send(`GET ${pathname}?${name} twice`, `${app.url}${base}?${name}=1&${name}=2`, { role });
          countTried("query parameter", VALUE_PAYLOADS.length + 1);
        }
        for (const param of params) {
          for (const payload of VALUE_PAYLOADS) {
            const url = fill(pathname.replace(`:${param}`, payload.raw), records);
            await send(`GET ${pathname} with :${param}=<${payload.name}>`, `${app.url}${url}`, { role });
          }
          countTried("path parameter", VALUE_PAYLOADS.length);
        }
        for (const cookie of COOKIE_PAYLOADS) {
          await send(
            `GET ${pathname} with Cookie ${cookie.slice(0, 30)}`,
            `${app.url}${base}${baseQuery ? `?${baseQuery}` : ""}`,
            {
              role: "anonymous",
              headers: { Cookie: cookie },
            },
          );
        }
        countTried("cookie", COOKIE_PAYLOADS.length);
      }

      if (policy.action) {
        const role = roleFor(policy.action);
        const url = `${app.url}${base}`;
        const post = (label: string, body: string, headers: Record<string, string> = {}) =>
          send(`POST ${pathname} ${label}`, url, {
            method: "POST",
            role,
            headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
            body,
          });
        for (const [intent, fields] of Object.entries(reads.form ?? {})) {
          const withIntent = intent ? { intent, ...fields } : fields;
          for (const name of Object.keys(withIntent)) {
            for (const payload of VALUE_PAYLOADS) {
              await post(
                `${intent || "form"}: ${name}=<${payload.name}>`,
                formBody(withIntent, records, [name, payload.raw]),
              );
            }
            await post(
              `${intent || "form"}: ${name} twice`,
              `${formBody(withIntent, records)}&${enc(name)}=1&${enc(name)}=2`,
            );
            countTried("form field", VALUE_PAYLOADS.length + 1);
          }
        }
        for (const param of params) {
          // A page with no form of its own still posts an empty one.
          const firstForm = Object.entries(reads.form ?? {})[0] ?? ["", {}];
          const fields = firstForm[0] ? { intent: firstForm[0], ...firstForm[1] } : firstForm[1];
          for (const payload of VALUE_PAYLOADS) {
            const target = fill(pathname.replace(`:${param}`, payload.raw), records);
            await send(`POST ${pathname} with :${param}=<${payload.name}>`, `${app.url}${target}`, {
              method: "POST",
              role,
              headers: { "Content-Type": "application/x-www-form-urlencoded" },
              body: formBody(fields, records),
            });
          }
          countTried("path parameter", VALUE_PAYLOADS.length);
        }
        for (const payload of requestPayloads()) {
          await send(`POST ${pathname} ${payload.name}`, url, {
            method: "POST",
            role,
            headers: payload.headers,
            body: payload.body,
          });
        }
        countTried("request shape", requestPayloads().length);
        for (const cookie of COOKIE_PAYLOADS) {
          await post(`with Cookie ${cookie.slice(0, 30)}`, "", { Cookie: cookie });
        }
        countTried("cookie", COOKIE_PAYLOADS.length);
        // Behind a proxy that rewrites Host, the Origin is still ours (APP_URL).
        await post("with a Host other than ours", "", { Host: "internal.proxy:8080" });
        await post("with X-Forwarded-Host other than ours", "", { "X-Forwarded-Host": "internal.proxy" });
        countTried("host", 2);
      }

      if (reads.multipart) {
        const role = roleFor(policy.action!);
        const url = `${app.url}${base}`;
        const type = { "Content-Type": `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` };
        const file = (name: string, content: string) =>
          `Content-Disposition: form-data; name="${reads.multipart!.file}"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}`;
        const field = (name: string, value: string) =>
          `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
        const bodies: [string, string, Record<string, string>][] = [
          [
            "a file name with = inside quotes",
            multipart([file("a=b.csv", "Employee ID,Name\r\nE1,Ada")]),
            type,
          ],
          [
            "a file name with an escaped quote",
            multipart([file('a\\"b.csv', "Employee ID,Name\r\nE1,Ada")]),
            type,
          ],
          ["no file", multipart([field("mappingId", "")]), type],
          ["an empty file name", multipart([file("", "")]), type],
          [
            "a non-file field of 1 MB",
            multipart([field(reads.multipart.fields[0], "x".repeat(1024 * 1024))]),
            type,
          ],
          [
            "a NUL in a field",
            multipart([field(reads.multipart.fields[0], "a\u0000b"), file("a.csv", "x\r\n1")]),
            type,
          ],
          ["a truncated body", multipart([file("a.csv", "Employee ID,Name\r\nE1,Ada")]).slice(0, -30), type],
          ["no closing boundary", `--${MULTIPART_BOUNDARY}\r\n${file("a.csv", "Employee ID\r\nE1")}`, type],
          [
            "headers without a blank line",
            `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="file"`,
            type,
          ],
          ["a part without Content-Disposition", multipart(["Content-Type: text/plain\r\n\r\nx"]), type],
          ["a boundary that never appears", "just some bytes", type],
          ["an empty body", "", type],
          [
            "a quoted boundary",
            multipart([file("a.csv", "Employee ID\r\nE1")]),
            {
              "Content-Type": `multipart/form-data; boundary="${MULTIPART_BOUNDARY}"`,
            },
          ],
          [
            "a 300-character boundary",
            "x",
            { "Content-Type": `multipart/form-data; boundary=${"b".repeat(300)}` },
          ],
          ["10,000 parts", multipart(Array.from({ length: 10_000 }, (_, i) => field(`f${i}`, "1"))), type],
          [
            "a declared length past the limit",
            multipart([field("mappingId", "")]),
            {
              ...type,
              "Content-Length": String(60 * 1024 * 1024),
            },
          ],
        ];
        for (const [name, body, headers] of bodies) {
          await send(`POST ${pathname} multipart: ${name}`, url, { method: "POST", role, headers, body });
        }
        countTried("malformed multipart", bodies.length);
      }
      after?.();
      after = undefined;
      console.log(
        `${id}: ${requests - before} requests in ${Date.now() - started} ms, ${failures.length} answered 5xx`,
      );
      expect(failures).toEqual([]);
    },
    900_000,
  );
});
