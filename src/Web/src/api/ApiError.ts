// Errors from the API are RFC 9457 problem details; the app shows them as ApiError, with the
// per-field messages of a validation problem kept for the form that sent the request.
import type { Problem } from "./model";

// For the rare problem without a detail (an error nginx or the framework wrote).
const plainWords: Record<number, string> = {
  400: "Something in the form is not right. Check it and try again.",
  401: "Please sign in again.",
  403: "Your account may not do this.",
  404: "This does not exist, or it is not yours.",
  409: "Something changed meanwhile. Reload and try again.",
  413: "That is too much to send at once.",
  429: "That was a lot of requests in a short time. Wait a moment and try again.",
  500: "Something went wrong on our side. It has been logged; please try again later.",
  503: "MedPlatform is briefly unavailable. Try again in a moment.",
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    // What went wrong in people's words (`message`): the server's own sentence, never an HTTP reason phrase.
    super(detail || plainWords[status] || title);
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

export async function problemFrom(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as Problem;
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? "", problem.errors ?? {});
  } catch {
    return new ApiError(response.status, response.statusText, "The server answered in an unexpected way.");
  }
}

export const unreachable = () =>
  new ApiError(0, "No answer", "MedPlatform did not answer: the connection or our servers may be down for a moment. This page tries again by itself.");

/** A write refused before sending: nothing is queued to be sent later. */
export const offlineWrite = () => new ApiError(0, "You are offline: nothing was sent. Try again when you are back online.", "");

/** Anything thrown while talking to the API, as an ApiError. */
export const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, "Error", String(caught)));
