import { useSyncExternalStore } from "react";
import createClient from "openapi-fetch";
import { forgetCachedApiAnswers } from "../pwa/apiCaches";
import type { Tokens, User } from "./model";
import type { paths } from "./schema";

// The session is shared by every tab of the app through localStorage: a refresh token works
// once, so a tab that renewed it must hand the new one to the others, and signing out in one
// tab signs out all of them.

interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token runs out (ms since the epoch), so it can be renewed just before. */
  expiresAt: number;
  user: User;
}

const storageKey = "medplatform.session";
/** Renew this long before the access token runs out, so no request goes out with a dying token. */
const renewAhead = 15_000;
const listeners = new Set<() => void>();

// Renewal must not pass through the app's client, whose middleware would renew again on its way.
const renewal = createClient<paths>();

function readStored(): Session | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    return value && typeof value.refreshToken === "string" ? (value as Session) : null;
  } catch {
    return null;
  }
}

let session: Session | null = readStored();

function adopt(next: Session | null) {
  if (next?.user.id !== session?.user.id) void forgetCachedApiAnswers();
  session = next;
  listeners.forEach((listener) => listener());
}

function store(next: Session | null) {
  if (next) localStorage.setItem(storageKey, JSON.stringify(next));
  else localStorage.removeItem(storageKey);
  adopt(next);
}

window.addEventListener("storage", (event) => {
  if (event.key === storageKey || event.key === null) adopt(readStored());
});

/** Keeps the tokens of a completed sign-in or renewal (a two-factor challenge carries none), answering who signed in. */
export function startSession(tokens: Tokens): User {
  const { accessToken, refreshToken, expiresIn, user } = tokens;
  if (!accessToken || !refreshToken || !expiresIn || !user) throw new Error("The sign-in answered no tokens.");
  store({ accessToken, refreshToken, expiresAt: Date.now() + expiresIn * 1000, user });
  return user;
}

export const endSession = () => store(null);

export const currentUser = (): User | null => session?.user ?? null;

export const accessToken = (): string | null => session?.accessToken ?? null;

export const refreshToken = (): string | null => session?.refreshToken ?? null;

export const hasSession = () => session !== null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user (null for a visitor), re-rendering when they sign in or out, here or in another tab. */
export const useUser = () => useSyncExternalStore(subscribe, currentUser);

let refreshing: Promise<boolean> | null = null;

/** Runs the renewal under a lock shared by the tabs, where the browser has one. */
async function acrossTabs(work: () => Promise<boolean>): Promise<boolean> {
  return navigator.locks ? await navigator.locks.request("medplatform.refresh", work) : await work();
}

/**
 * Exchanges the refresh token for new tokens. False if that failed; when the server says the
 * token no longer works, the user is signed out (a busy or unreachable server does not sign out).
 * `refused` is the access token a request was refused with, when the caller knows it.
 */
export function refreshSession(refused?: string | null): Promise<boolean> {
  // Refused with an access token renewed since (two requests sent with it, or another tab renewed):
  // sending it again with the current one is all it needs; renewing again would only turn the tokens over.
  if (refused && session && session.accessToken !== refused) return Promise.resolve(true);
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
      const { data, response } = await renewal.POST("/api/auth/refresh", { body: { refreshToken: used } });
      if (data) {
        startSession(data);
        return true;
      }
      if (response.status === 400 || response.status === 401) endSession();
      return false;
    } catch {
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Renews the session first when its access token is about to run out. */
export async function renewIfDue(): Promise<void> {
  if (session && session.expiresAt - Date.now() < renewAhead) await refreshSession();
}
