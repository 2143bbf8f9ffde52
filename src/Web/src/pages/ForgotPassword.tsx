import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { api } from "../api";
import { Field } from "../components/Field";
import { FormError } from "../components/Status";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPassword() {
  usePageTitle("Forgot your password");
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await api.POST("/api/auth/forgot-password", { body: { email } });
      setSentTo(email);
    });
  };
  if (sentTo)
    return (
      <section className="panel narrow" role="status">
        <h1>Look in your inbox</h1>
        <p>
          If an account uses <strong>{sentTo}</strong>, a link to choose a new password is on its way. It works once, for 30 minutes. Look in the spam folder if
          it does not come within a few minutes.
        </p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </section>
    );
  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Forgot your password</h1>
      <p>Enter the email address of your account, and we will mail you a link to choose a new password.</p>
      <FormError error={error} fields={["email"]} />
      <Field label="Email" error={error?.field("email")}>
        {(control) => <input {...control} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? "Sending…" : "Send the link"}
      </button>
    </form>
  );
}
