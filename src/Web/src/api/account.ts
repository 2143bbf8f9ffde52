import { api } from "./client";
import { currentUser, endSession, refreshSession, refreshToken, renewIfDue, startSession } from "./session";
import type { Role, User } from "./model";

/** Staff read every patient's prescriptions and orders: they sign in with a second factor. */
export const requiresTwoFactor = (role: Role) => role === "admin" || role === "pharmacist";

/** Staff who have not enrolled yet: the API refuses them everything but enrolment, so the app takes them there. */
export const mustEnrolTwoFactor = (user: User | null) => user !== null && requiresTwoFactor(user.role) && !user.twoFactorEnabled;

/** What the password answers: the signed-in user, or (with two-factor on) a challenge a code completes. */
export type SignInStep = { user: User; challengeToken?: undefined } | { user?: undefined; challengeToken: string };

export async function signIn(email: string, password: string): Promise<SignInStep> {
  const { data } = await api.POST("/api/auth/login", { body: { email, password } });
  if (data!.twoFactorRequired) return { challengeToken: data!.challengeToken! };
  return { user: startSession(data!) };
}

/** The second step of a sign-in: a code from the authenticator app, or one of the recovery codes. */
export async function completeSignIn(
  challengeToken: string,
  factor: { code: string; recoveryCode?: undefined } | { code?: undefined; recoveryCode: string },
): Promise<User> {
  const { data } = await api.POST("/api/auth/login/two-factor", {
    body: { challengeToken, code: factor.code ?? null, recoveryCode: factor.recoveryCode ?? null },
  });
  return startSession(data!);
}

/**
 * Revokes the session on the server and forgets it here (in every tab), even if the server cannot be
 * reached. `leave` (going to another page) runs in the same update as the forgetting, so the page
 * being left never draws itself signed out on the way.
 */
export async function signOut(leave: () => void): Promise<void> {
  try {
    // Renew first if due, so the token sent is the current one rather than one renewed on the way.
    await renewIfDue();
    const token = refreshToken();
    if (token) await api.POST("/api/auth/logout", { body: { refreshToken: token } });
  } finally {
    leave();
    endSession();
  }
}

/**
 * Checks the stored session when the app loads. Renewing on every load would spend a refresh
 * token each time, and one lost answer would then sign the user out (a reused token revokes the
 * session); so the access token is used while it lasts, and the session is renewed only when the
 * account changed (a doctor's verification and two-factor sign-in are carried in the token).
 */
export async function restoreSession(): Promise<void> {
  const stored = currentUser();
  if (!stored) return;
  try {
    const { data: me } = await api.GET("/api/me");
    if (
      me &&
      (me.role !== stored.role ||
        me.verified !== stored.verified ||
        me.emailVerified !== stored.emailVerified ||
        me.twoFactorEnabled !== stored.twoFactorEnabled)
    )
      await refreshSession();
  } catch {
    // Signed out by the server (the 401 already cleared the session), or unreachable: the pages say which.
  }
}
