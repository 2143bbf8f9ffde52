import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { api, ApiError, endSession } from "../api";
import { Field } from "../components/Field";
import { FormError } from "../components/Status";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";
import { useLinkToken } from "./linkToken";

/** Where the reset mail's link leads: a new password, after which every device is signed out and the user signs in with it. */
export function ResetPassword() {
  usePageTitle("Choose a new password");
  const navigate = useNavigate();
  const token = useLinkToken();
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeated) {
      setError(new ApiError(400, "Check the passwords", "", { repeatPassword: ["The two passwords are not the same."] }));
      return;
    }
    run(async () => {
      await api.POST("/api/auth/reset-password", { body: { token: token ?? "", newPassword: password } });
      // The reset signed out every session, this device's too.
      endSession();
      navigate("/sign-in?reset=done", { replace: true });
    });
  };
  if (!token)
    return (
      <section className="panel narrow">
        <h1>Choose a new password</h1>
        <p>
          This page is opened from the link in the reset mail. <Link to="/forgot-password">Ask for a link</Link>.
        </p>
      </section>
    );
  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Choose a new password</h1>
      <FormError error={error} fields={["newPassword", "repeatPassword"]} />
      {error?.field("token") && (
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      )}
      <Field label="New password" hint="At least 8 characters, not one of the common ones." error={error?.field("newPassword")}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Field label="New password again" error={error?.field("repeatPassword")}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={repeated} onChange={(e) => setRepeated(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save the new password"}
      </button>
    </form>
  );
}
