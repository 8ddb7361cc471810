/**
 * The one error taxonomy. Domain code throws AppError with a code; routes turn it into an HTTP
 * status and a human sentence; logs get the detail and the correlation id.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** A sentence a person can act on; shown to users as is. */
    message: string,
    readonly options: { fieldErrors?: FieldErrors; detail?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = "That page") =>
  new AppError("not_found", `${what} does not exist, or you do not have access to it.`);
export const forbidden = (message = "You do not have permission to do that.") =>
  new AppError("forbidden", message);
export const conflict = (message: string) => new AppError("conflict", message);

/** The body every error response carries (thrown with `data()`, read by error boundaries). */
export type ErrorPayload = {
  message: string;
  code: ErrorCode;
  correlationId?: string;
  fieldErrors?: FieldErrors;
};

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return !!value && typeof value === "object" && "message" in value && "code" in value;
}
