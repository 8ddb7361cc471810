import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { z } from "zod";
import { isDatabaseUnavailable } from "./db.server";
import { AppError, notFound, type ErrorPayload, type FieldErrors } from "./errors";
import { hasNul, NUL_MESSAGE } from "./input";
import { log } from "./logging.server";
import {
  declaredLength,
  formTooLarge,
  malformedForm,
  readMultipart,
  type MultipartFile,
} from "./multipart.server";
import { nestIndexedFields } from "./indexed-fields";
import { recordRefusal } from "./refusals.server";
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

/** Throttled requests are audit events, aggregated per address and minute (issue 11). */
async function auditRateLimited(appError: AppError, request: Request) {
  if (appError.code !== "rate_limited") return;
  await recordRefusal({
    kind: "rate_limited",
    method: request.method,
    path: new URL(request.url).pathname,
    reason: appError.message.split(".")[0],
  });
}

export function defineLoader<T>(fn: (args: LoaderFunctionArgs) => Promise<T>) {
  return async (args: LoaderFunctionArgs): Promise<T> => {
    try {
      return await fn(args);
    } catch (error) {
      if (isResponseLike(error)) throw error;
      const appError = normalizeError(error);
      await auditRateLimited(appError, args.request);
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
      await auditRateLimited(appError, args.request);
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

/** Every form of ours is far smaller (the largest, a campaign, is about 15 kB). */
export const FORM_LIMIT_BYTES = 1024 * 1024;
const FORM_FIELD_LIMIT = 2000;

const unsupportedForm = () =>
  new AppError(
    "unsupported_media_type",
    "This address expects a form (application/x-www-form-urlencoded or multipart/form-data). Send it from the page.",
  );

function mediaType(request: Request) {
  const header = request.headers.get("content-type");
  if (header === null) return { type: null, charset: undefined };
  const [type, ...params] = header.split(";");
  const charset = params
    .map((p) => p.trim().split("="))
    .find(([name]) => name?.trim().toLowerCase() === "charset")?.[1]
    ?.replace(/"/g, "")
    .trim();
  return { type: type.trim().toLowerCase(), charset };
}

/** The request body as bytes, refused past `limit` (413) and when it breaks off (400). */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > limit) throw formTooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit * 4) {
        await reader.cancel().catch(() => undefined);
        throw formTooLarge();
      }
      // Past the limit the rest is read and dropped, so the 413 reaches the client.
      if (size <= limit) chunks.push(value);
    }
    if (size > limit) throw formTooLarge();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw malformedForm();
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function readFormOnce(request: Request): Promise<FormData> {
  const { type, charset } = mediaType(request);
  const form = new FormData();
  if (type === "application/x-www-form-urlencoded") {
    if (charset && !/^utf-?8$/i.test(charset)) throw unsupportedForm();
    const text = new TextDecoder().decode(await readBody(request, FORM_LIMIT_BYTES));
    let fields = 0;
    for (const [name, value] of new URLSearchParams(text)) {
      if (++fields > FORM_FIELD_LIMIT)
        throw new AppError(
          "payload_too_large",
          "This form has more fields than we accept. Reload the page and send it again.",
        );
      form.append(name, value);
    }
    return form;
  }
  if (type === "multipart/form-data") {
    await readMultipart(request, {
      maxBytes: FORM_LIMIT_BYTES,
      maxFiles: 0,
      maxFields: FORM_FIELD_LIMIT,
      onField: (name, value) => form.append(name, value),
    });
    return form;
  }
  // A POST without a body (and so without a type) is an empty form: validation says what is missing.
  if (type === null && (await readBody(request, FORM_LIMIT_BYTES)).byteLength === 0) return form;
  throw unsupportedForm();
}

const forms = new WeakMap<Request, Promise<FormData>>();

/**
 * The submitted form for a route that dispatches on a field itself (its `intent`): read as
 * readForm reads it (400/413/415 with a sentence), then parsed field by field with parseForm.
 */
export const submittedForm = (request: Request) => readForm(request);

/**
 * The submitted form, read once per request whatever asks for it (parseIntent, parseForm...):
 * urlencoded or multipart (files ignored), at most FORM_LIMIT_BYTES. Another content type is
 * 415, too large 413, a broken body 400.
 */
export function readForm(request: Request): Promise<FormData> {
  let pending = forms.get(request);
  if (!pending) {
    pending = readFormOnce(request);
    forms.set(request, pending);
  }
  return pending;
}

function remember(request: Request, raw: Record<string, unknown>) {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !/password|token|secret/i.test(key)) values[key] = value.slice(0, 2000);
  }
  submitted.set(request, {
    intent: typeof raw.intent === "string" ? raw.intent.slice(0, 60) : undefined,
    values,
  });
}

/** Field errors for values carrying NUL (PostgreSQL cannot store it; no form of ours sends it). */
function nulErrors(raw: Record<string, unknown>): FieldErrors | null {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === "string" && hasNul(v))) out[key] = [NUL_MESSAGE];
  }
  return Object.keys(out).length ? out : null;
}

/**
 * Parses a submitted form with the same zod schema the page's form uses. Only the schema's
 * fields come through (extra fields such as role, version or ids are dropped: no mass
 * assignment). Indexed names (`tasks.0.title`) become rows (`tasks: [{ title }]`). Throws a
 * validation AppError with field errors keyed by the same names.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  /** The form as `submittedForm` read it (the same one: a request's form is read once). */
  form?: FormData,
): Promise<z.infer<S>> {
  const raw = formToObject(form ?? (await readForm(request)));
  remember(request, raw);
  const nul = nulErrors(raw);
  if (nul) throw new AppError("validation", "Some fields need your attention.", { fieldErrors: nul });
  const result = schema.safeParse(nestIndexedFields(raw));
  if (!result.success) {
    throw new AppError("validation", "Some fields need your attention.", {
      fieldErrors: fieldErrorsOf(result.error),
    });
  }
  return result.data;
}

/** The submitted values, indexed names nested into rows, unchecked (a form's draft, echoed back). */
export async function submittedValues(request: Request): Promise<Record<string, unknown>> {
  return nestIndexedFields(formToObject(await readForm(request)));
}

/**
 * parseForm for a route with no page of its own (sign-out): there is no form to show a refusal
 * next to, and the JSON a resource route would send means nothing to a person, so a form that
 * cannot be read (415, 413, 400) or does not fit (422) is answered with a plain sentence.
 */
export async function parseResourceForm<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  try {
    return await parseForm(request, schema);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const sentence =
      error.code === "validation"
        ? "That form was not one Comeback sent, so nothing was changed. Go back and try again."
        : error.message;
    throw new Response(`${sentence}\n`, {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

/**
 * A form carrying one file (the import upload), streamed: the file goes to `onFile` as it
 * arrives, never whole in memory; the other fields are then parsed with `schema`. Not
 * multipart: 415; malformed: 400; past `maxBytes`: 413. A file input left empty is no file.
 */
export async function parseUpload<S extends z.ZodType>(
  request: Request,
  options: {
    schema: S;
    file: string;
    maxBytes: number;
    onFile: (file: MultipartFile) => Promise<void>;
    /** The refusal for a file past `maxBytes` (the page's own sentence with its limit). */
    tooLarge?: () => AppError;
    /** The form's intent, so a refusal while reading is shown next to the right form. */
    intent?: string;
  },
): Promise<{ fields: z.infer<S>; received: boolean }> {
  if (options.intent) remember(request, { intent: options.intent });
  if (!isUpload(request)) throw unsupportedForm();
  const form = new FormData();
  let received = false;
  await readMultipart(request, {
    maxBytes: options.maxBytes + 64 * 1024,
    maxFileBytes: options.maxBytes,
    maxFieldBytes: 10_000,
    maxFields: 50,
    maxFiles: 1,
    tooLarge: options.tooLarge,
    onField: (name, value) => {
      form.append(name, value);
      // The form's own intent (sent before its file) names it if the file is then refused.
      if (name === "intent") remember(request, { intent: value });
    },
    onFile: async (file) => {
      if (file.name !== options.file || !file.filename) {
        for await (const _ of file.data) void _;
        return;
      }
      received = true;
      await options.onFile(file);
    },
  });
  const raw = formToObject(form);
  remember(request, options.intent ? { intent: options.intent, ...raw } : raw);
  const nul = nulErrors(raw);
  if (nul) throw new AppError("validation", "Some fields need your attention.", { fieldErrors: nul });
  const result = options.schema.safeParse(raw);
  if (!result.success) {
    throw new AppError("validation", "Some fields need your attention.", {
      fieldErrors: fieldErrorsOf(result.error),
    });
  }
  return { fields: result.data, received };
}

/** Whether the request carries a multipart form (a page with both an upload and plain forms). */
export function isUpload(request: Request) {
  return mediaType(request).type === "multipart/form-data";
}

export const UNKNOWN_INTENT_MESSAGE =
  "That action is not available on this page. Reload the page and try again.";

/** Which of the page's forms was sent (its `intent` button); anything else is a 400. */
export async function parseIntent<const T extends readonly string[]>(
  request: Request,
  intents: T,
): Promise<T[number]> {
  const raw = formToObject(await readForm(request));
  remember(request, raw);
  const intent = raw.intent;
  if (typeof intent !== "string" || !intents.includes(intent)) {
    throw new AppError("bad_request", UNKNOWN_INTENT_MESSAGE);
  }
  return intent;
}

type Shape = Record<string, z.ZodType>;

/**
 * The query string as a copy, for a domain parser that validates every value itself (the alumni
 * filter). Routes read queries through this and the parsers below, never from request.url.
 */
export function queryOf(request: Request): URLSearchParams {
  return new URL(request.url).searchParams;
}

/** Query values for a schema's keys: the first of repeated values, all of them for array fields. */
function queryValues(query: URLSearchParams, shape: Shape) {
  const raw: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const values = query.getAll(key);
    if (values.length === 0) continue;
    raw[key] = acceptsArray(field) ? values : values[0];
  }
  return raw;
}

/** Whether a field takes a list (`?tag=a&tag=b`), seen through optional, default and pipes. */
function acceptsArray(field: z.ZodType): boolean {
  let current: unknown = field;
  for (let depth = 0; depth < 10 && current; depth++) {
    const def = (current as { def?: { type?: string; innerType?: unknown; in?: unknown } }).def;
    if (!def) return false;
    if (def.type === "array") return true;
    current = def.innerType ?? def.in;
  }
  return false;
}

function firstMessage(error: z.ZodError) {
  return error.issues[0]?.message ?? "Not understood.";
}

/**
 * Strict query parameters: anything the schema refuses is a 400 with a sentence. For
 * addresses that must mean exactly what they say (exports, links that act on one thing).
 */
export function parseSearchParams<S extends z.ZodObject<Shape>>(request: Request, schema: S): z.infer<S> {
  const raw = queryValues(queryOf(request), schema.shape);
  const nul = nulErrors(raw);
  if (nul)
    throw new AppError("bad_request", "This link has parameters we do not understand.", { fieldErrors: nul });
  const result = schema.safeParse(nestIndexedFields(raw));
  if (!result.success) {
    throw new AppError("bad_request", "This link has parameters we do not understand.", {
      fieldErrors: fieldErrorsOf(result.error),
    });
  }
  return result.data;
}

/** A query parameter a list left out, and why (shown on the page). */
export type IgnoredParam = { name: string; message: string };

/**
 * Lenient query parameters, for list filters: a value the schema refuses is dropped and
 * reported in `ignored` (the page says so), so a stale bookmark or a mistyped date still
 * opens the list. Fields with defaults (page numbers) fall back to them.
 */
export function parseFilters<S extends z.ZodObject<Shape>>(
  source: Request | URLSearchParams,
  schema: S,
): { values: z.infer<S>; ignored: IgnoredParam[] } {
  const raw = queryValues(source instanceof URLSearchParams ? source : queryOf(source), schema.shape);
  const ignored: IgnoredParam[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = schema.shape[key];
    const nul = (Array.isArray(value) ? value : [value]).some((v) => typeof v === "string" && hasNul(v));
    const result = nul ? null : field.safeParse(value);
    if (!result?.success) {
      ignored.push({ name: key, message: result ? firstMessage(result.error) : NUL_MESSAGE });
      delete raw[key];
    }
  }
  const result = schema.safeParse(nestIndexedFields(raw));
  if (!result.success) {
    // Only rules across fields can fail here; the address as a whole is not one we made.
    throw new AppError("bad_request", "This link has parameters we do not understand.", {
      fieldErrors: fieldErrorsOf(result.error),
    });
  }
  return { values: result.data, ignored };
}

/**
 * Path parameters (`$alumnusId`...): a value the schema refuses cannot name anything we have,
 * so the answer is the same 404 as for a record that does not exist.
 */
export function parseParams<S extends Shape>(
  params: Record<string, string | undefined>,
  shape: S,
  /** The record's name ("That contract"), or the whole sentence to show (a page with its own catalogue). */
  what: string | { message: string } = "That page",
): { [K in keyof S]: z.infer<S[K]> } {
  const result = z.object(shape).safeParse(params);
  if (!result.success)
    throw typeof what === "string" ? notFound(what) : new AppError("not_found", what.message);
  return result.data as { [K in keyof S]: z.infer<S[K]> };
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

/**
 * Signing out: the browser drops what it cached of the signed-in pages (a shared computer keeps
 * nothing of the session). Not "cookies": that would also end the other kind of session (staff
 * or alumni) open in the same browser; each sign-out expires only its own cookie (ADR 066).
 */
export const CLEAR_SITE_DATA = { "Clear-Site-Data": '"cache"' } as const;

/** Headers for pages whose URL carries a secret (sign-in, reset, unsubscribe links): never cached, never sent on as a referrer. */
export const SECRET_LINK_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } as const;
