// The REST API as the web app uses it: JSON, bearer tokens with silent refresh, and errors as
// RFC 9457 problem details turned into ApiError (with per-field messages when the API sends them).

export type Role = "patient" | "doctor" | "pharmacist" | "admin";

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  verified: boolean;
  department?: string | null;
  licenseNumber?: string | null;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  totalCount: number;
}

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
}

interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token runs out (ms since the epoch), so it can be renewed just before. */
  expiresAt: number;
  user: User;
}

interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

// The session is shared by every tab of the app through localStorage: a refresh token works
// once, so a tab that renewed it must hand the new one to the others, and signing out in one
// tab signs out all of them.
const storageKey = "medplatform.session";
const listeners = new Set<(user: User | null) => void>();

function readStored(): Session | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    return value && typeof value.refreshToken === "string" ? (value as Session) : null;
  } catch {
    return null;
  }
}

let session: Session | null = readStored();

export function onUserChange(listener: (user: User | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function adopt(next: Session | null) {
  session = next;
  listeners.forEach((l) => l(next?.user ?? null));
}

function setSession(next: Session | null) {
  if (next) localStorage.setItem(storageKey, JSON.stringify(next));
  else localStorage.removeItem(storageKey);
  adopt(next);
}

window.addEventListener("storage", (event) => {
  if (event.key === storageKey || event.key === null) adopt(readStored());
});

function fromTokens(tokens: TokenResponse): Session {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    user: tokens.user,
  };
}

export function currentUser(): User | null {
  return session?.user ?? null;
}

let refreshing: Promise<boolean> | null = null;

/** Runs the renewal under a lock shared by the tabs, where the browser has one. */
async function acrossTabs(work: () => Promise<boolean>): Promise<boolean> {
  return navigator.locks ? await navigator.locks.request("medplatform.refresh", work) : await work();
}

/**
 * Exchanges the refresh token for new tokens. False if that failed; when the server says the
 * token no longer works, the user is signed out (a busy or unreachable server does not sign out).
 */
export function refreshSession(): Promise<boolean> {
  const used = session?.refreshToken;
  if (!used) return Promise.resolve(false);
  refreshing ??= acrossTabs(async () => {
    const latest = readStored();
    if (!latest) {
      adopt(null); // Signed out in another tab.
      return false;
    }
    if (latest.refreshToken !== used) {
      adopt(latest); // Another tab renewed it meanwhile.
      return true;
    }
    try {
      const response = await fetch("/api/auth/refresh", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ refreshToken: used }),
      });
      if (response.ok) {
        setSession(fromTokens(await response.json()));
        return true;
      }
      if (response.status === 400 || response.status === 401) setSession(null);
      return false;
    } catch {
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

const renewAhead = 15_000;

async function problemFrom(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    return new ApiError(response.status, body.title ?? response.statusText, body.detail ?? "", body.errors ?? {});
  } catch {
    return new ApiError(response.status, response.statusText, "The server answered in an unexpected way.");
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends a request with the access token; on a 401 it refreshes the session once and tries again. */
export async function send(path: string, options: RequestOptions = {}, retried = false): Promise<Response> {
  if (session && session.expiresAt - Date.now() < renewAhead) await refreshSession();
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "Network error", "The server cannot be reached. Check your connection and try again.");
  }
  if (response.status === 401 && session && !retried && (await refreshSession())) return send(path, options, true);
  if (!response.ok) throw await problemFrom(response);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export async function signIn(email: string, password: string): Promise<User> {
  const tokens = await api<TokenResponse>("/api/auth/login", { method: "POST", body: { email, password } });
  setSession(fromTokens(tokens));
  return tokens.user;
}

/** Revokes the session on the server and forgets it here (in every tab), even if the server cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    // Renew first if due, so the token sent is the current one rather than one renewed on the way.
    if (session && session.expiresAt - Date.now() < renewAhead) await refreshSession();
    if (session) await api("/api/auth/logout", { method: "POST", body: { refreshToken: session.refreshToken } });
  } finally {
    setSession(null);
  }
}

/**
 * Checks the stored session when the app loads. Renewing on every load would spend a refresh
 * token each time, and one lost answer would then sign the user out (a reused token revokes the
 * session); so the access token is used while it lasts, and the session is renewed only when the
 * account changed (a doctor's verification is carried in the token).
 */
export async function restoreSession(): Promise<User | null> {
  const stored = session?.user;
  if (!stored) return null;
  try {
    const me = await api<User>("/api/me");
    if (me.role !== stored.role || me.verified !== stored.verified) await refreshSession();
  } catch {
    // Signed out by the server (the 401 already cleared the session), or unreachable: the pages say which.
  }
  return currentUser();
}

/**
 * Follows a server-sent events stream with the access token (EventSource cannot send one),
 * calling back with each event's data until aborted or the stream ends.
 */
export async function followEvents(path: string, onEvent: (data: unknown) => void, signal: AbortSignal): Promise<void> {
  const response = await send(path, { headers: { Accept: "text/event-stream" }, signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      if (data) onEvent(JSON.parse(data));
    }
  }
}
