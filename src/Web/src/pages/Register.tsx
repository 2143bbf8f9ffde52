import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { signIn, api, useDepartments } from "../api";
import { Field } from "../components/Field";
import { NamedOptions } from "../components/NamedOptions";
import { TextField } from "../components/TextField";
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
      <TextField label="Name shown to others" name="displayName" form={form} setForm={setForm} error={error} autoComplete="name" maxLength={100} />
      <TextField label="Email" name="email" form={form} setForm={setForm} error={error} type="email" autoComplete="email" />
      <TextField
        label="Password"
        hint="At least 8 characters."
        name="password"
        form={form}
        setForm={setForm}
        error={error}
        type="password"
        autoComplete="new-password"
      />
      {doctor && (
        <>
          <TextField label="Licence number" name="licenseNumber" form={form} setForm={setForm} error={error} maxLength={64} />
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
