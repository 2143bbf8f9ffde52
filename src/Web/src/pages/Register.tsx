import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { signIn } from "../api/account";
import { api } from "../api/client";
import { useDepartments } from "../api/reference";
import { Field } from "../components/Field";
import { NamedOptions } from "../components/NamedOptions";
import { FormError } from "../components/Status";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";
import { safeNext } from "./SignIn";

export function Register() {
  usePageTitle("Create an account");
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const departments = useDepartments();
  const [form, setForm] = useState({ role: "patient", displayName: "", email: "", password: "", licenseNumber: "", department: "" });
  const { busy, error, run } = useAction();
  const doctor = form.role === "doctor";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await api.POST("/api/auth/register", {
        body: { ...form, licenseNumber: doctor ? form.licenseNumber : null, department: doctor ? form.department || null : null },
      });
      await signIn(form.email, form.password);
      navigate(doctor ? "/forum" : safeNext(search), { replace: true });
    });
  };

  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Create an account</h1>
      <FormError error={error} fields={["role", "displayName", "email", "password", "licenseNumber", "department"]} />
      <fieldset>
        <legend>I am a</legend>
        <div className="field checkbox">
          <input id="role-patient" type="radio" name="role" value="patient" checked={!doctor} onChange={() => setForm({ ...form, role: "patient" })} />
          <label htmlFor="role-patient">Patient</label>
        </div>
        <div className="field checkbox">
          <input id="role-doctor" type="radio" name="role" value="doctor" checked={doctor} onChange={() => setForm({ ...form, role: "doctor" })} />
          <label htmlFor="role-doctor">Doctor (an administrator checks your licence before you can answer or prescribe)</label>
        </div>
      </fieldset>
      <Field label="Name shown to others" error={error?.field("displayName")}>
        {(control) => (
          <input
            {...control}
            autoComplete="name"
            maxLength={100}
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
        )}
      </Field>
      <Field label="Email" error={error?.field("email")}>
        {(control) => <input {...control} type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
      </Field>
      <Field label="Password" hint="At least 8 characters." error={error?.field("password")}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        )}
      </Field>
      {doctor && (
        <>
          <Field label="Licence number" error={error?.field("licenseNumber")}>
            {(control) => (
              <input {...control} maxLength={64} value={form.licenseNumber} onChange={(e) => setForm({ ...form, licenseNumber: e.target.value })} />
            )}
          </Field>
          <Field label="Department" error={error?.field("department")}>
            {(control) => (
              <select {...control} value={form.department} onChange={(e) => setForm({ ...form, department: e.target.value })}>
                <NamedOptions items={departments} none="Choose your department" />
              </select>
            )}
          </Field>
        </>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create account"}
      </button>
      <p>
        Already registered? <Link to={{ pathname: "/sign-in", search: search.toString() }}>Sign in</Link>.
      </p>
    </form>
  );
}
