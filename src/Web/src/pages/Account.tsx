import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { api, signIn, useUser } from "../api";
import { NotificationSettingsForm } from "../components/NotificationSettingsForm";
import { SavedAddresses } from "../components/SavedAddresses";
import { FormError } from "../components/Status";
import { TextField } from "../components/TextField";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";
import type { PendingSignIn } from "./SignIn";

/** Every role's own account: who they are to the platform, and a new password. */
export function Account() {
  usePageTitle("Your account");
  const user = useUser()!;
  return (
    <>
      <h1>Your account</h1>
      <section className="panel narrow" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{user.role === "doctor" ? (user.verified ? "Doctor, licence verified" : "Doctor, licence not yet verified") : user.role}</dd>
        </dl>
      </section>
      {user.role === "patient" && <SavedAddresses />}
      <ChangePassword email={user.email} />
      <NotificationSettingsForm />
      <section className="panel narrow" aria-labelledby="security-heading">
        <h2 id="security-heading">Security</h2>
        <p>
          Two-factor sign-in is {user.twoFactorEnabled ? "on" : "off"}. <Link to="/account/security">Security settings and signed-in devices</Link>
        </p>
        <p>
          <Link to="/account/privacy">Your data and privacy</Link>: download everything we hold about you
          {user.role === "patient" ? ", and see who has seen your health data" : ""}.
        </p>
        {user.role === "doctor" && !user.twoFactorEnabled && (
          <p className="alert alert-info">
            You read patients' health questions and prescribe: protect your account with a code from your phone at every sign-in.
          </p>
        )}
      </section>
    </>
  );
}

const blank = { currentPassword: "", newPassword: "" };

function ChangePassword({ email }: { email: string }) {
  const navigate = useNavigate();
  const [form, setForm] = useState(blank);
  const [changed, setChanged] = useState(false);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    run(async () => {
      await api.POST("/api/me/password", { body: form });
      // The change signs out every device, this one too: sign in again with the new password.
      const step = await signIn(email, form.newPassword);
      if (step.challengeToken) {
        const pending: PendingSignIn = {
          challengeToken: step.challengeToken,
          notice: "Your password is changed and every device was signed out. Enter a code to sign in again.",
        };
        navigate("/sign-in?next=/account", { replace: true, state: pending });
        return;
      }
      setForm(blank);
      setChanged(true);
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <FormError error={error} fields={["currentPassword", "newPassword"]} />
      {changed && (
        <p className="alert alert-ok" role="status">
          Your password is changed. Every other device you were signed in on is signed out.
        </p>
      )}
      <TextField label="Current password" name="currentPassword" form={form} setForm={setForm} error={error} type="password" autoComplete="current-password" />
      <TextField
        label="New password"
        hint="At least 8 characters."
        name="newPassword"
        form={form}
        setForm={setForm}
        error={error}
        type="password"
        autoComplete="new-password"
      />
      <button type="submit" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
