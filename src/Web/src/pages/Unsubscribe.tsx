import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { api, type ApiError, type NotificationKind } from "../api";
import { ErrorMessage, Loading } from "../components/Status";
import { kindLabel } from "../notificationKinds";
import { usePageTitle } from "../usePageTitle";
import { useLinkToken } from "./linkToken";

/** Where a mail's "stop mail like this" link leads: that kind of mail stops, without signing in. */
export function Unsubscribe() {
  usePageTitle("Unsubscribe");
  const token = useLinkToken();
  const [outcome, setOutcome] = useState<NotificationKind | ApiError | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    api
      .POST("/api/notifications/unsubscribe", { params: { query: { token } } })
      .then(({ data }) => setOutcome(data!.kind))
      .catch((error: ApiError) => setOutcome(error));
  }, [token]);
  return (
    <section className="panel narrow">
      <h1>Unsubscribe</h1>
      {!token ? (
        <p>This page is opened from the link at the end of a MedPlatform mail.</p>
      ) : outcome === null ? (
        <Loading what="Unsubscribing" />
      ) : typeof outcome === "object" ? (
        <ErrorMessage error={outcome} />
      ) : (
        <p role="status">You will get no more mail for “{kindLabel(outcome)}”. It still shows in the app.</p>
      )}
      <p>
        <Link to="/account#notifications">Choose which mail you get</Link> (after signing in).
      </p>
    </section>
  );
}
