import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { resetEnvCache } from "../../app/platform/env.server";
import { createApp } from "../../server/app";
import { BUILD_DIR } from "../../server/build";

/**
 * The production build served in-process on a free loopback port, against this test file's
 * database (test/setup/database.ts). Background workers start when asked (e.g. to deliver
 * email to an in-process SMTP server).
 */
export type TestApp = { url: string; close(): Promise<void> };

export async function startTestApp(
  options: { workers?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  Object.assign(process.env, { APP_URL: url, ...options.env });
  resetEnvCache();
  const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href)) as ServerBuild;
  const app = createApp({
    build,
    mode: "production",
    appUrl: url,
    clientDir: path.join(BUILD_DIR, "client"),
  });
  server.on("request", app);
  let workers: { stop(): Promise<void> } | undefined;
  if (options.workers) {
    const { startWorkers } = await import("../../server/workers");
    const { env } = await import("../../app/platform/env.server");
    workers = startWorkers(env());
  }
  return {
    url,
    async close() {
      await workers?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A cookie-keeping HTTP client for route-level tests (authorization matrix, CSRF...). */
export function httpClient(baseUrl: string, options: { origin?: string | null } = {}) {
  // The cookies the app set, by name, as a browser keeps them (a session and a known-device note).
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const origin = options.origin === undefined ? new URL(baseUrl).origin : options.origin;
  return {
    get cookie() {
      return header();
    },
    set cookie(value: string) {
      jar.clear();
      for (const pair of value.split(/;\s*/)) {
        const index = pair.indexOf("=");
        if (index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1));
      }
    },
    async request(pathname: string, init: RequestInit & { form?: Record<string, string> } = {}) {
      const headers = new Headers(init.headers);
      if (jar.size > 0 && !headers.has("Cookie")) headers.set("Cookie", header());
      let body = init.body;
      if (init.form) {
        body = new URLSearchParams(init.form).toString();
        headers.set("Content-Type", "application/x-www-form-urlencoded");
      }
      if ((init.method ?? "GET") !== "GET" && origin && !headers.has("Origin")) headers.set("Origin", origin);
      const response = await fetch(new URL(pathname, baseUrl), {
        ...init,
        body,
        headers,
        redirect: "manual",
      });
      const setCookie = response.headers.getSetCookie();
      for (const line of setCookie) {
        const [pair] = line.split(";");
        const index = pair.indexOf("=");
        const name = pair.slice(0, index);
        if (/Max-Age=0/i.test(line)) jar.delete(name);
        else jar.set(name, pair.slice(index + 1));
      }
      return response;
    },
  };
}
