import { fetchEventSource } from "@microsoft/fetch-event-source";
import { ApiError } from "./ApiError";
import { accessToken, refreshSession, renewIfDue } from "./session";

const reconnectAfter = 2000;

/** Thrown from the stream's callbacks to give up instead of reconnecting. */
class GiveUp extends Error {}

/** The server ended the stream (an order's does once it can change no more): connect again, but nothing was lost. */
class Ended extends Error {}

/**
 * Follows an endpoint's server-sent events until aborted, reconnecting after a dropped connection.
 * EventSource cannot send the bearer token, so the stream is read with fetch, the token as of each
 * (re)connection; a 401 renews the session before the next try.
 */
export function followServerEvents<T>(
  path: string,
  /** Each event's data, with its name ("message" when the server gave none). */
  onEvent: (data: T, name: string) => void,
  signal: AbortSignal,
  /** Told when the stream is up (true) and when it dropped and is being tried again (false). */
  onConnection: (live: boolean) => void = () => undefined,
): Promise<void> {
  let sentWith: string | null = null;
  return fetchEventSource(path, {
    signal,
    // Events should still arrive while the tab is in the background.
    openWhenHidden: true,
    fetch: async (input, init) => {
      await renewIfDue();
      sentWith = accessToken();
      return fetch(input, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${sentWith ?? ""}` } });
    },
    async onopen(response) {
      if (response.ok) return onConnection(true);
      if (response.status === 401 && (await refreshSession(sentWith))) throw new ApiError(401, "Unauthorized", "");
      // Not allowed, or gone: another try would be answered the same.
      if (response.status >= 400 && response.status < 500) throw new GiveUp();
      throw new ApiError(response.status, response.statusText, "");
    },
    onmessage(message) {
      if (message.data) onEvent(JSON.parse(message.data) as T, message.event || "message");
    },
    onclose() {
      throw new Ended();
    },
    onerror(error) {
      if (error instanceof GiveUp) throw error;
      if (!(error instanceof Ended)) onConnection(false);
      return reconnectAfter;
    },
  }).catch((error) => {
    if (!(error instanceof GiveUp)) throw error;
  });
}
