import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, endSession, refreshSession, requiresTwoFactor, useUser, type User } from "../api";
import { landingFor } from "../pages/SignIn";
import { useAction } from "../useAction";
import { Field } from "./Field";
import { RecoveryCodes } from "./RecoveryCodes";
import { FormError } from "./Status";

type Setup = { secret: string; otpauthUri: string; qrCodeSvg: string };

/** Two-factor sign-in: whether it is on, setting it up with an authenticator app, and turning it off. */
export function TwoFactorSettings() {
  const user = useUser()!;
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[] | null>(null);
  const required = requiresTwoFactor(user.role);
  // Staff came here because they had to: once the codes are saved, they go on to their work, with a
  // session that says two-factor is on (renewed after confirming; if that failed, renewed now, or
  // they sign in again, now with a code, rather than being sent back here).
  const saved = async () => {
    if (!required) return setCodes(null);
    if (user.twoFactorEnabled || (await refreshSession())) return navigate(landingFor(user.role));
    endSession();
    navigate(`/sign-in?next=${encodeURIComponent(landingFor(user.role))}`);
  };
  return (
    <section className="panel narrow" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => void saved()} />
      ) : user.twoFactorEnabled ? (
        <>
          <p className="alert alert-ok">Two-factor sign-in is on: signing in needs your password and a code from your authenticator app.</p>
          {required ? <p className="hint">Administrators and pharmacists keep it on: they can read every patient's prescriptions and orders.</p> : <TurnOff />}
        </>
      ) : (
        <>
          {required ? (
            <p className="alert alert-info" role="alert">
              Administrators and pharmacists must sign in with a second factor. Set up an authenticator app to continue to your work.
            </p>
          ) : (
            <p>Protect your health records with a second step at sign-in: a code from an authenticator app on your phone.</p>
          )}
          <Enrol onEnrolled={setCodes} user={user} />
        </>
      )}
    </section>
  );
}

function Enrol({ onEnrolled, user }: { onEnrolled: (codes: string[]) => void; user: User }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const { busy, error, run } = useAction();
  const start = () =>
    run(async () => {
      const { data } = await api.POST("/api/me/two-factor/setup");
      setSetup(data!);
    });
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { data } = await api.POST("/api/me/two-factor/confirm", { body: { password, code } });
      onEnrolled(data!.recoveryCodes);
      // Tokens issued before carry "two-factor off"; renewed ones carry it on (and staff may go on to their work).
      await refreshSession();
    });
  };
  if (!setup)
    return (
      <>
        <FormError error={error} />
        <button type="button" onClick={start} disabled={busy}>
          {busy ? "Preparing…" : "Set up two-factor sign-in"}
        </button>
      </>
    );
  return (
    <form onSubmit={confirm} noValidate>
      <ol className="steps">
        <li>
          Scan this QR code with an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password).
          <img
            className="qr-code"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrCodeSvg)}`}
            alt={`QR code to add ${user.email} to an authenticator app`}
            width={200}
            height={200}
          />
        </li>
        <li>
          Or type this key into the app:{" "}
          <code className="secret" aria-label="Secret key">
            {setup.secret.match(/.{1,4}/g)!.join(" ")}
          </code>
        </li>
        <li>Enter your password and the 6-digit code the app shows, to check it works.</li>
      </ol>
      <FormError error={error} fields={["password", "code"]} />
      <Field label="Password" error={error?.field("password")}>
        {(control) => <input {...control} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Field label="Code from your authenticator app" error={error?.field("code")}>
        {(control) => (
          <input {...control} inputMode="numeric" autoComplete="one-time-code" maxLength={8} value={code} onChange={(e) => setCode(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? "Checking…" : "Turn on two-factor sign-in"}
      </button>
    </form>
  );
}

const blank = { password: "", code: "" };

function TurnOff() {
  const [form, setForm] = useState(blank);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await api.DELETE("/api/me/two-factor", { body: form });
      setForm(blank);
      await refreshSession();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="two-factor-off-heading">
      <h3 id="two-factor-off-heading">Turn it off</h3>
      <p className="hint">Your password alone will sign you in again. We will mail you that it was turned off.</p>
      <FormError error={error} fields={["password", "code"]} />
      <Field label="Password" error={error?.field("password")}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        )}
      </Field>
      <Field label="Code from your authenticator app" error={error?.field("code")}>
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            value={form.code}
            onChange={(e) => setForm({ ...form, code: e.target.value })}
          />
        )}
      </Field>
      <button type="submit" className="button-danger" disabled={busy}>
        {busy ? "Turning off…" : "Turn off two-factor sign-in"}
      </button>
    </form>
  );
}
