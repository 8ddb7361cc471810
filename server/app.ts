import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { log } from "../app/platform/logging.server";
import { recordRefusal } from "../app/platform/refusals.server";
import { runWithRequestContext } from "../app/platform/request-context.server";
import { loggablePath, originGuard, privateByDefault, readablePath, securityHeaders } from "./security";

export type AppOptions = {
  /** The Remix server build, or a function returning it (development reloads it per request). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  appUrl: string;
  /** Directory with built client assets (production). */
  clientDir?: string;
  /** Vite's connect middleware in development. */
  devMiddleware?: express.RequestHandler;
};

export function genericErrorPage(correlationId: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Something went wrong · Comeback</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1f2933">
<h1>Something went wrong on our side</h1><p>Nothing was changed. Please try again in a moment.</p>
<p>If it keeps happening, give this reference to your administrator: <code>${correlationId}</code></p></body></html>`;
}

export function createApp(options: AppOptions) {
  const app = express();
  const development = options.mode === "development";
  const appOrigin = new URL(options.appUrl).origin;
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  // Correlation id, client facts for audit events, and a request log line without personal data.
  app.use((req, res, next) => {
    const correlationId = randomUUID();
    const started = process.hrtime.bigint();
    res.locals.correlationId = correlationId;
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Correlation-Id", correlationId);
    res.on("finish", () => {
      if (req.path.startsWith("/assets/") || req.path === "/healthz" || req.path === "/readyz") return;
      log.info("request", {
        method: req.method,
        path: loggablePath(req.path),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        correlationId,
        ...(res.locals.refusedReason ? { refused: res.locals.refusedReason } : {}),
      });
    });
    runWithRequestContext(
      {
        correlationId,
        ip: req.ip,
        userAgent: req.get("user-agent")?.slice(0, 300),
        method: req.method,
        path: req.path,
      },
      next,
    );
  });

  app.use(securityHeaders({ development, https: appOrigin.startsWith("https://") }));
  // Liveness: the process serves requests. Answered here, before the app and without touching the
  // database, so a long import holding the embedded database never makes a load balancer think the
  // instance is dead. Readiness (`/readyz`, a route) asks the database with its own short timeout.
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
  });
  app.use(readablePath);
  app.use(
    originGuard(
      (req) => {
        // Development also accepts the address the browser actually used (localhost vs 127.0.0.1).
        const own = `${req.protocol}://${req.get("host")}`;
        return development ? [appOrigin, own] : [appOrigin];
      },
      (req, reason) =>
        void recordRefusal({
          kind: "cross_site",
          ip: req.ip,
          method: req.method,
          path: loggablePath(req.path),
          reason,
        }),
    ),
  );

  if (options.devMiddleware) {
    app.use(options.devMiddleware);
  } else if (options.clientDir) {
    app.use(
      "/assets",
      express.static(path.join(options.clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }),
    );
    app.use(express.static(options.clientDir, { maxAge: "1h", index: false }));
  }

  app.use(privateByDefault);
  app.all(
    "*",
    createRequestHandler({
      build: options.build as ServerBuild,
      mode: options.mode,
      getLoadContext: (_req, res) => ({
        correlationId: res.locals.correlationId as string,
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log.error("unhandled request error", { error });
    if (res.headersSent) return;
    res
      .status(500)
      .type("html")
      .send(genericErrorPage(res.locals.correlationId as string));
  });

  return app;
}
