// Errors from the API are RFC 9457 problem details; the app shows them as ApiError, with the
// per-field messages of a validation problem kept for the form that sent the request.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(detail || title);
  }

  /** The first message for a field (the API names fields as in the request, e.g. "payment.cardNumber"). */
  field(name: string): string | undefined {
    return this.errors[name]?.[0];
  }

  /** True when no answer came from the server at all (status 0). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

interface ProblemDetails {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

export async function problemFrom(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as ProblemDetails;
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? "", problem.errors ?? {});
  } catch {
    return new ApiError(response.status, response.statusText, "The server answered in an unexpected way.");
  }
}

export const unreachable = () => new ApiError(0, "Network error", "The server cannot be reached. Check your connection and try again.");

/** A write refused before sending: nothing is queued to be sent later. */
export const offlineWrite = () => new ApiError(0, "You are offline: nothing was sent. Try again when you are back online.", "");

/** Anything thrown while talking to the API, as an ApiError. */
export const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, "Error", String(caught)));
