import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import type { z } from "zod";
import { isDatabaseUnavailable } from "./db.server";
import { AppError, type ErrorPayload, type FieldErrors } from "./errors";
import { log } from "./logging.server";
import { requestContext } from "./request-context.server";

/**
 * Route modules stay thin: parse, authorize, call one domain function, shape the response.
 * These wrappers give every loader and action the same error handling: AppError -> its status
 * and human message, database outages -> a fast 503, anything else -> a generic 500 with a
 * correlation id (the detail goes to the log only).
 */

function toPayload(error: AppError): ErrorPayload {
  return {
    message: error.message,
    code: error.code,
    correlationId: requestContext()?.correlationId,
    ...(error.options.fieldErrors ? { fieldErrors: error.options.fieldErrors } : {}),
  };
}

function headersFor(error: AppError): HeadersInit | undefined {
  return error.options.retryAfterSeconds
    ? { "Retry-After": String(error.options.retryAfterSeconds) }
    : undefined;
}

let lastOutageLog = 0;

export function normalizeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    // An outage fails every request: one line every few seconds says enough.
    if (Date.now() - lastOutageLog > 5000) {
      lastOutageLog = Date.now();
      log.warn("database unavailable", { reason: error instanceof Error ? error.message : String(error) });
    }
    return new AppError(
      "unavailable",
      "Comeback cannot reach its database right now. Please try again in a minute.",
      {
        retryAfterSeconds: 30,
      },
    );
  }
  log.error("unexpected error", { error });
  return new AppError("internal", "Something went wrong on our side. Nothing was changed; please try again.");
}

function isResponseLike(value: unknown) {
  return (
    value instanceof Response ||
    (!!value &&
      typeof value === "object" &&
      "type" in value &&
      (value as { type: string }).type === "DataWithResponseInit")
  );
}

export function defineLoader<T>(fn: (args: LoaderFunctionArgs) => Promise<T>) {
  return async (args: LoaderFunctionArgs): Promise<T> => {
    try {
      return await fn(args);
    } catch (error) {
      if (isResponseLike(error)) throw error;
      const appError = normalizeError(error);
      throw data(toPayload(appError), { status: appError.status, headers: headersFor(appError) });
    }
  };
}

/**
 * `intent` names the form that failed, on pages with several forms; `values` are the submitted
 * fields (never passwords), so a form posted without JavaScript can be shown again filled in.
 */
export type ActionError = {
  ok: false;
  error: ErrorPayload;
  intent?: string;
  values?: Record<string, string>;
};

// What each request's form was submitted with (see parseForm), for the error answer.
const submitted = new WeakMap<Request, { intent?: string; values: Record<string, string> }>();

/**
 * Actions return AppErrors (validation, conflict, rate limit...) as data so the page can show
 * them next to the form; unexpected errors still go to the error boundary.
 */
export function defineAction<T>(fn: (args: ActionFunctionArgs) => Promise<T>) {
  return async (args: ActionFunctionArgs) => {
    try {
      return await fn(args);
    } catch (error) {
      if (isResponseLike(error)) throw error;
      const appError = normalizeError(error);
      // A failed sign-in (with field errors) stays on its form; other 401s go to the boundary.
      if (appError.status >= 500 || (appError.code === "unauthenticated" && !appError.options.fieldErrors)) {
        throw data(toPayload(appError), { status: appError.status, headers: headersFor(appError) });
      }
      const form = submitted.get(args.request);
      const echo = form ? { ...(form.intent ? { intent: form.intent } : {}), values: form.values } : {};
      return data({ ok: false, error: toPayload(appError), ...echo } as ActionError, {
        status: appError.status,
        headers: headersFor(appError),
      });
    }
  };
}

/** Field errors from a zod error, keyed by the field's dotted path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Reads form fields into an object; repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key in out) {
      const existing = out[key];
      out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else out[key] = value;
  }
  return out;
}

/**
 * Parses a submitted form with the same zod schema the page's form uses. Only the schema's
 * fields come through (extra fields such as role, version or ids are dropped: no mass
 * assignment). Throws a validation AppError with field errors.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  form?: FormData,
): Promise<z.infer<S>> {
  const formData = form ?? (await request.formData());
  const raw = formToObject(formData);
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !/password|token|secret/i.test(key)) values[key] = value.slice(0, 2000);
  }
  submitted.set(request, {
    intent: typeof raw.intent === "string" ? raw.intent.slice(0, 60) : undefined,
    values,
  });
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new AppError("validation", "Some fields need your attention.", {
      fieldErrors: fieldErrorsOf(result.error),
    });
  }
  return result.data;
}

export function parseSearchParams<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const url = new URL(request.url);
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!result.success) {
    throw new AppError("bad_request", "This link has parameters we do not understand.", {
      fieldErrors: fieldErrorsOf(result.error),
    });
  }
  return result.data;
}

export function clientMeta(request: Request) {
  const context = requestContext();
  return { ip: context?.ip, userAgent: context?.userAgent ?? request.headers.get("user-agent") ?? undefined };
}

const FORWARDED_HEADERS = ["Cache-Control", "Retry-After", "Referrer-Policy"];

/**
 * A route's `headers` export: full-page responses carry the headers its loader or action set
 * with `data(..., { headers })` (Remix applies those to data requests only). Use it on routes
 * that answer 429 with Retry-After or must not be cached.
 */
export const forwardHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
  const out = new Headers();
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    for (const name of FORWARDED_HEADERS) {
      const value = source?.get(name);
      if (value) out.set(name, value);
    }
  }
  return out;
};

/**
 * forwardHeaders, and never cached: for areas whose pages are personal (the alumni portal's
 * layout; child routes without their own `headers` export inherit it).
 */
export const privateHeaders: HeadersFunction = (args) => {
  const out = new Headers(forwardHeaders(args));
  out.set("Cache-Control", "no-store");
  return out;
};

/** Headers for pages whose URL carries a secret (sign-in, reset, unsubscribe links): never cached, never sent on as a referrer. */
export const SECRET_LINK_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } as const;
