import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, offlineWrite, problemFrom, unreachable } from "./ApiError";
import { reportReachable } from "./network";
import { isPatientRead } from "../pwa/apiCaches";
import { accessToken, currentUser, hasSession, refreshSession, renewIfDue } from "./session";
import type { paths } from "./schema";

// The requests as sent, kept until their answer is in, so one refused with 401 can be sent again
// after renewing the session (a sent request's body cannot be read twice).
const unsent = new Map<string, Request>();

function withToken(request: Request): Request {
  const token = accessToken();
  if (token) request.headers.set("Authorization", `Bearer ${token}`);
  return request;
}

/**
 * A patient's own reads carry who asks in their address (the Api ignores it): the service worker
 * keeps them by address, so an answer can only ever be shown again to the user it was for, even one
 * that arrived after they signed out and the caches were emptied.
 */
function keyedByViewer(request: Request): Request {
  const url = new URL(request.url);
  const user = currentUser();
  if (request.method !== "GET" || !user || !isPatientRead(url.pathname)) return request;
  url.searchParams.set("viewer", user.id);
  return new Request(url, request);
}

/**
 * The app's rules for every call: the bearer token (renewed ahead of expiry, and once more after a
 * 401), writes refused at once while offline (never queued), and any failure thrown as an ApiError,
 * so a call that returns has succeeded.
 */
const session: Middleware = {
  async onRequest({ request, id }) {
    if (request.method !== "GET" && !navigator.onLine) throw offlineWrite();
    await renewIfDue();
    const authorized = withToken(keyedByViewer(request));
    unsent.set(id, authorized.clone());
    return authorized;
  },
  async onResponse({ response, id }) {
    const again = unsent.get(id);
    unsent.delete(id);
    reportReachable(true);
    let answer = response;
    const refused = again?.headers.get("Authorization")?.replace(/^Bearer /, "");
    if (answer.status === 401 && again && hasSession() && (await refreshSession(refused))) answer = await fetch(withToken(again));
    if (!answer.ok) throw await problemFrom(answer);
    return answer;
  },
  onError({ error, request, id }) {
    unsent.delete(id);
    if (error instanceof ApiError || (error instanceof DOMException && error.name === "AbortError")) return error;
    reportReachable(false);
    return request.method !== "GET" && !navigator.onLine ? offlineWrite() : unreachable();
  },
};

export const api = createClient<paths>();
api.use(session);
