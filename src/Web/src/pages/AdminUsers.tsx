import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { api, type User, $api, invalidate, useApiQuery, nameOf, useDepartments, useUser } from "../api";
import { Field } from "../components/Field";
import { TextField } from "../components/TextField";
import { ConfirmButton } from "../components/ConfirmButton";
import { DataTable } from "../components/DataTable";
import { PagedResults } from "../components/PagedResults";
import { FormError } from "../components/Status";
import { formatDate } from "../format";
import { pageFrom, withQuery } from "../query";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function AdminUsers() {
  usePageTitle("Users");
  return (
    <>
      <UserList />
      <CreateStaff />
      <ClusterDashboard />
    </>
  );
}

function UserList() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const departments = useDepartments();
  const role = search.get("role") ?? "";
  const verified = search.get("verified") ?? "";
  const page = pageFrom(search);
  const users = useApiQuery(
    $api.queryOptions("get", "/api/admin/users", {
      params: { query: { role: role || undefined, verified: verified === "" ? undefined : verified === "true", page } },
    }),
  );
  const filter = (next: { role?: string; verified?: string }) => navigate(withQuery("/admin/users", { role, verified, ...next }));

  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="users-role">Role</label>
          <select id="users-role" value={role} onChange={(e) => filter({ role: e.target.value })}>
            <option value="">Everyone</option>
            <option value="patient">Patients</option>
            <option value="doctor">Doctors</option>
            <option value="pharmacist">Pharmacists</option>
            <option value="admin">Administrators</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-verified">Verification</label>
          {/* Only doctors are verified: "awaiting verification" means doctors whose licence is not checked yet. */}
          <select
            id="users-verified"
            value={verified}
            onChange={(e) => filter({ verified: e.target.value, role: e.target.value === "false" ? "doctor" : role })}
          >
            <option value="">Any</option>
            <option value="false">Awaiting verification</option>
            <option value="true">Verified</option>
          </select>
        </div>
      </div>
      <PagedResults result={users} loading="Loading users" empty="No users match." hrefFor={(p) => withQuery("/admin/users", { role, verified, page: p })}>
        {(items) => (
          <DataTable caption="Users" columns={["Name", "Email", "Role", "Licence", "Joined", "Verified", "Two-factor"]}>
            {items.map((user) => (
              <tr key={user.id}>
                <td>{user.displayName}</td>
                <td>{user.email}</td>
                <td>{user.role}</td>
                <td>{user.role === "doctor" ? `${user.licenseNumber ?? "—"}${user.department ? `, ${nameOf(departments, user.department)}` : ""}` : ""}</td>
                <td>{formatDate(user.createdAt)}</td>
                <td>
                  {user.role === "doctor" && !user.verified ? (
                    user.emailVerified ? (
                      <VerifyButton user={user} />
                    ) : (
                      "Email not confirmed yet"
                    )
                  ) : user.verified ? (
                    "Yes"
                  ) : (
                    "—"
                  )}
                </td>
                <td>{user.twoFactorEnabled ? <ResetTwoFactorButton user={user} /> : "Off"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedResults>
    </section>
  );
}

/** Verifying a licence lets a doctor answer and prescribe: the admin confirms it, with the licence in view. */
function VerifyButton({ user }: { user: User }) {
  return (
    <ConfirmButton
      label="Verify licence"
      accessibleLabel={`Verify licence of ${user.displayName}`}
      questionLabel={`Confirm the licence of ${user.displayName}`}
      question={`Licence ${user.licenseNumber ?? "—"} checked against the register?`}
      confirmLabel="Confirm verification"
      action={async () => {
        await api.POST("/api/admin/doctors/{id}/verify", { params: { path: { id: user.id } } });
        await invalidate("/api/admin/users");
      }}
    />
  );
}

/** For someone who lost both phone and recovery codes: staff then enrol again at their next sign-in. */
function ResetTwoFactorButton({ user }: { user: User }) {
  const me = useUser();
  if (user.id === me?.id) return "On";
  return (
    <>
      On{" "}
      <ConfirmButton
        danger
        label="Reset"
        accessibleLabel={`Reset two-factor sign-in of ${user.displayName}`}
        questionLabel={`Confirm resetting two-factor sign-in of ${user.displayName}`}
        question="Only when they lost their phone and recovery codes, and you have checked it is them. Every device of theirs is signed out."
        confirmLabel="Confirm reset"
        action={async () => {
          await api.POST("/api/admin/users/{id}/two-factor/reset", { params: { path: { id: user.id } } });
          await invalidate("/api/admin/users");
        }}
      />
    </>
  );
}

/** The Orleans Dashboard needs its own short session (a cookie for /dashboard only), opened with the admin's token. */
function ClusterDashboard() {
  const { busy, error, run } = useAction();
  return (
    <section className="panel narrow" aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Cluster dashboard</h2>
      <p>Silos, grain activations and call rates, from the Orleans Dashboard. Opens a 30-minute session.</p>
      <FormError error={error} />
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          run(async () => {
            await api.POST("/api/admin/dashboard-session");
            window.location.assign("/dashboard/");
          })
        }
      >
        Open the dashboard
      </button>
    </section>
  );
}

function CreateStaff() {
  const [form, setForm] = useState({ email: "", displayName: "", password: "", role: "pharmacist" });
  const [created, setCreated] = useState<User | null>(null);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { data: user } = await api.POST("/api/admin/users", { body: form });
      setCreated(user!);
      await invalidate("/api/admin/users");
      setForm({ email: "", displayName: "", password: "", role: "pharmacist" });
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate aria-labelledby="staff-heading">
      <h2 id="staff-heading">Add a staff account</h2>
      <FormError error={error} fields={["email", "displayName", "password", "role"]} />
      {created && (
        <p className="alert alert-ok" role="status">
          Created {created.role} account for {created.email}.
        </p>
      )}
      <Field label="Role" error={error?.field("role")}>
        {(control) => (
          <select {...control} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            <option value="pharmacist">Pharmacist</option>
            <option value="admin">Administrator</option>
          </select>
        )}
      </Field>
      <TextField label="Name" name="displayName" form={form} setForm={setForm} error={error} maxLength={100} />
      <TextField label="Email" name="email" form={form} setForm={setForm} error={error} type="email" autoComplete="off" />
      <TextField
        label="First password"
        hint="At least 8 characters; they should change it after signing in."
        name="password"
        form={form}
        setForm={setForm}
        error={error}
        type="password"
        autoComplete="new-password"
      />
      <button type="submit" disabled={busy}>
        Create account
      </button>
    </form>
  );
}
