import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type Role, signIn } from "../api";
import { Field } from "../components/Field";
import { FormError } from "../components/Status";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

/** Where a user starts when no page was asked for: staff at their work, everyone else at home. */
function landingFor(role: Role): string {
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

export function SignIn() {
  usePageTitle("Sign in");
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const user = await signIn(email, password);
      navigate(search.has("next") ? safeNext(search) : landingFor(user.role), { replace: true });
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
