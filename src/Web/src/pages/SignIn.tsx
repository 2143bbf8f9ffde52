import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { completeSignIn, type Role, signIn, type User } from "../api";
import { Field } from "../components/Field";
import { FormError } from "../components/Status";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

/** Where a user starts when no page was asked for: staff at their work, everyone else at home. */
export function landingFor(role: Role): string {
  return role === "pharmacist" ? "/pharmacy" : role === "admin" ? "/admin/users" : "/";
}

/** Only a path on this site: an address from the query string must not send anyone elsewhere. */
export function safeNext(search: URLSearchParams): string {
  try {
    const next = new URL(search.get("next") ?? "/", location.origin);
    return next.origin === location.origin ? next.pathname + next.search + next.hash : "/";
  } catch {
    return "/";
  }
}

/** A sign-in another page started (a password change signs every device out): its challenge, and why. */
export interface PendingSignIn {
  challengeToken: string;
  notice: string;
}

export function SignIn() {
  usePageTitle("Sign in");
  const [search] = useSearchParams();
  const pending = (useLocation().state as PendingSignIn | null) ?? null;
  const navigate = useNavigate();
  const [challengeToken, setChallengeToken] = useState<string | null>(pending?.challengeToken ?? null);
  const arrive = (user: User) => navigate(search.has("next") ? safeNext(search) : landingFor(user.role), { replace: true });
  return challengeToken ? (
    <SecondStep challengeToken={challengeToken} notice={pending?.notice} onSignedIn={arrive} onRestart={() => setChallengeToken(null)} />
  ) : (
    <PasswordStep onSignedIn={arrive} onChallenged={setChallengeToken} />
  );
}

function PasswordStep({ onSignedIn, onChallenged }: { onSignedIn: (user: User) => void; onChallenged: (challengeToken: string) => void }) {
  const [search] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const step = await signIn(email, password);
      if (step.user) onSignedIn(step.user);
      else onChallenged(step.challengeToken);
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Sign in</h1>
      {search.get("reset") === "done" && (
        <p className="alert alert-info" role="status">
          Your new password is saved and every device was signed out. Sign in with the new password.
        </p>
      )}
      <FormError error={error} fields={["email", "password"]} />
      <Field label="Email" error={error?.field("email")}>
        {(control) => <input {...control} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Password" error={error?.field("password")}>
        {(control) => <input {...control} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to={{ pathname: "/register", search: search.toString() }}>Create an account</Link>.
      </p>
    </form>
  );
}

/** The code from the authenticator app, or, with the phone lost, one of the recovery codes. */
function SecondStep({
  challengeToken,
  notice,
  onSignedIn,
  onRestart,
}: {
  challengeToken: string;
  notice?: string;
  onSignedIn: (user: User) => void;
  onRestart: () => void;
}) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState("");
  const { busy, error, run } = useAction();
  const expired = error?.status === 401;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => onSignedIn(await completeSignIn(challengeToken, useRecovery ? { recoveryCode: value } : { code: value })));
  };
  const field = useRecovery ? "recoveryCode" : "code";
  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Sign in</h1>
      {notice && (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      )}
      <p>
        {useRecovery
          ? "Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once."
          : "Open your authenticator app and enter the 6-digit code it shows for MedPlatform."}
      </p>
      <FormError error={error} fields={[field]} />
      {expired ? (
        <button type="button" onClick={onRestart}>
          Sign in again
        </button>
      ) : (
        <>
          <Field label={useRecovery ? "Recovery code" : "Code from your authenticator app"} error={error?.field(field)}>
            {(control) =>
              useRecovery ? (
                <input {...control} autoComplete="off" autoCapitalize="none" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} />
              ) : (
                <input {...control} inputMode="numeric" autoComplete="one-time-code" maxLength={8} value={value} onChange={(e) => setValue(e.target.value)} />
              )
            }
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? "Checking…" : "Verify"}
          </button>
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setValue("");
              }}
            >
              {useRecovery ? "Use a code from the app instead" : "Lost your phone? Use a recovery code"}
            </button>
          </p>
        </>
      )}
    </form>
  );
}
