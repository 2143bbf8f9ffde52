import Bowser from "bowser";
import { api, $api, invalidate, useApiQuery, type Session } from "../api";
import { formatDateTime } from "../format";
import { useAction } from "../useAction";
import { ErrorMessage, FormError, Loading } from "./Status";

/** "Firefox on Android" from a User-Agent; the raw string when nothing in it is known. */
function deviceName(userAgent: string | null | undefined): string {
  if (!userAgent) return "An unknown device";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent;
}

/** The account's signed-in devices: where and when each was last active, and a way to sign any other one out. */
export function SignedInDevices() {
  const sessions = useApiQuery($api.queryOptions("get", "/api/me/sessions"));
  const { busy, error, run } = useAction();
  const end = (session: Session) =>
    run(async () => {
      await api.DELETE("/api/me/sessions/{id}", { params: { path: { id: session.id } } });
      await invalidate("/api/me/sessions");
    });

  return (
    <section className="panel narrow" aria-labelledby="devices-heading">
      <h2 id="devices-heading">Signed-in devices</h2>
      <p className="hint">A device you sign out can no longer renew its sign-in; it is shut out within minutes.</p>
      <FormError error={error} />
      {!sessions.data ? (
        sessions.error ? (
          <ErrorMessage error={sessions.error} retry={sessions.refetch} />
        ) : (
          <Loading what="Loading your devices" />
        )
      ) : (
        <ul className="plain devices">
          {sessions.data.map((session) => (
            <li key={session.id}>
              <div>
                <strong>{deviceName(session.userAgent)}</strong>
                {session.current && <span className="badge badge-ok">This device</span>}
                <p className="meta">
                  Signed in {formatDateTime(session.signedInAt)} · last active {formatDateTime(session.lastActiveAt)}
                  {session.clientAddress && ` · from ${session.clientAddress}`}
                </p>
              </div>
              {!session.current && (
                <button type="button" className="button-small button-danger" disabled={busy} onClick={() => end(session)}>
                  Sign out <span className="visually-hidden">{deviceName(session.userAgent)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
