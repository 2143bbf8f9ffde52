import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { type Role, useUser } from "../api";
import { usePageTitle } from "../usePageTitle";

const roleNames: Record<Role, string> = { patient: "patients", doctor: "doctors", pharmacist: "pharmacists", admin: "administrators" };

/** Shows its page only to the given roles: a visitor is asked to sign in, anyone else told whose page it is. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useUser();
  const location = useLocation();
  const allowed = user !== null && roles.includes(user.role);
  return allowed ? <>{children}</> : <NotAllowed roles={roles} signedIn={user !== null} path={location.pathname + location.search} />;
}

function NotAllowed({ roles, signedIn, path }: { roles: Role[]; signedIn: boolean; path: string }) {
  usePageTitle(signedIn ? "Not available" : "Please sign in");
  if (!signedIn) {
    return (
      <section className="panel">
        <h1>Please sign in</h1>
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</Link> or <Link to="/register">create an account</Link> to continue.
        </p>
      </section>
    );
  }
  return (
    <section className="panel">
      <h1>Not available</h1>
      <p>This page is for {roles.map((role) => roleNames[role]).join(" and ")}.</p>
    </section>
  );
}

/** Invites a visitor to sign in to do something, coming back here afterwards. */
export function SignInToAct({ action }: { action: string }) {
  const location = useLocation();
  return (
    <p className="invite">
      <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>Sign in</Link> or <Link to="/register">register</Link> to {action}.
    </p>
  );
}
