import { useState, type FormEvent } from "react";
import { signIn } from "../api";
import { Field } from "../components/Field";
import { FormError } from "../components/Status";
import { useAction, usePageTitle } from "../hooks";
import { Link, navigate, useLocation } from "../router";

/** Only a path on this site: an address from the query string must not send anyone elsewhere. */
export function safeNext(url: URL): string {
  try {
    const next = new URL(url.searchParams.get("next") ?? "/", location.origin);
    return next.origin === location.origin ? next.pathname + next.search + next.hash : "/";
  } catch {
    return "/";
  }
}

export function SignIn() {
  usePageTitle("Sign in");
  const url = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await signIn(email, password);
      navigate(safeNext(url), true);
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Sign in</h1>
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
        New here? <Link href={`/register${url.search}`}>Create an account</Link>.
      </p>
    </form>
  );
}
