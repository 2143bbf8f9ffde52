import type { ReactNode } from "react";
import type { Role } from "../api";
import { usePageTitle, useUser } from "../hooks";
import { Link, useLocation } from "../router";

const roleNames: Record<Role, string> = { patient: "patients", doctor: "doctors", pharmacist: "pharmacists", admin: "administrators" };

/** Shows its page only to the given roles: a visitor is asked to sign in, anyone else told whose page it is. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useUser();
  const url = useLocation();
  const allowed = user !== null && roles.includes(user.role);
  return allowed ? <>{children}</> : <NotAllowed roles={roles} signedIn={user !== null} path={url.pathname + url.search} />;
}

function NotAllowed({ roles, signedIn, path }: { roles: Role[]; signedIn: boolean; path: string }) {
  usePageTitle(signedIn ? "Not available" : "Please sign in");
  if (!signedIn) {
    return (
      <section className="panel">
        <h1>Please sign in</h1>
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</Link> or <Link href="/register">create an account</Link> to continue.
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
  const url = useLocation();
  return (
    <p className="invite">
      <Link href={`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`}>Sign in</Link> or <Link href="/register">register</Link> to {action}.
    </p>
  );
}
