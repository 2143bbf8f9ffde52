import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { api, type ApiError, currentUser, refreshSession, type User } from "../api";
import { ErrorMessage, Loading } from "../components/Status";
import { usePageTitle } from "../usePageTitle";
import { useLinkToken } from "./linkToken";

/** Where the confirmation mail's link leads: the token is sent once, and the account is confirmed. */
export function VerifyEmail() {
  usePageTitle("Confirm your email address");
  const token = useLinkToken();
  const [outcome, setOutcome] = useState<User | ApiError | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    api
      .POST("/api/auth/verify-email", { body: { token } })
      .then(async ({ data }) => {
        // Signed in as that account here: its stored copy learns the news.
        if (currentUser()?.id === data!.id) await refreshSession();
        setOutcome(data!);
      })
      .catch((error: ApiError) => setOutcome(error));
  }, [token]);

  return (
    <section className="panel narrow">
      <h1>Confirm your email address</h1>
      {!token ? (
        <p>This page is opened from the link in the confirmation mail. If the link in the mail does not work, copy all of it into the address bar.</p>
      ) : outcome === null ? (
        <Loading what="Confirming" />
      ) : "status" in outcome ? (
        <>
          <ErrorMessage error={outcome} />
          <p>Sign in and ask for a new link from the note at the top of any page.</p>
        </>
      ) : (
        <div role="status">
          <p>
            Thank you, {outcome.displayName}: {outcome.email} is confirmed.
          </p>
          <p>{currentUser() ? <Link to="/">Go on to MedPlatform</Link> : <Link to="/sign-in">Sign in</Link>}</p>
        </div>
      )}
    </section>
  );
}
