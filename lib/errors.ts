// One error class for the app. Codes read "type:surface"; the type decides the HTTP status.
export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limit"
  | "offline";
export type ErrorCode = `${ErrorType}:${string}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limit: 429,
  offline: 503,
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    this.type = code.split(":")[0] as ErrorType;
    this.status = STATUS[this.type];
  }

  toResponse(): Response {
    return Response.json({ code: this.code, message: this.message, ...this.details }, { status: this.status });
  }
}

/** Route handlers end with this: known errors become their status, anything else a logged 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  console.error(error);
  return Response.json(
    { code: "internal:server", message: "Something went wrong. Please try again." },
    { status: 500 },
  );
}
