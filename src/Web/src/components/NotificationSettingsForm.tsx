import { useState, type FormEvent } from "react";
import { $api, api, type NotificationKind, type NotificationSettings, useApiQuery, useUser } from "../api";
import { notificationKinds } from "../notificationKinds";
import { useAction } from "../useAction";
import { ErrorMessage, FormError, Loading } from "./Status";

type Channel = "inApp" | "email";

/** Per kind of notification, whether it shows in the app and whether it is mailed. */
export function NotificationSettingsForm() {
  const user = useUser()!;
  const current = useApiQuery($api.queryOptions("get", "/api/me/notification-settings"));
  const [edited, setEdited] = useState<NotificationSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const settings = edited ?? current.data;
  const kinds = notificationKinds.filter((k) => k.roles.includes(user.role));
  const toggle = (channel: Channel, kind: NotificationKind, on: boolean) => {
    setSaved(false);
    setEdited({ ...settings!, [channel]: { ...settings![channel], [kind]: on } });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { data } = await api.PUT("/api/me/notification-settings", { body: settings! });
      setEdited(data!);
      setSaved(true);
    });
  };
  return (
    <form className="panel" id="notifications" onSubmit={submit} aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading">Notifications</h2>
      {current.isPending ? (
        <Loading />
      ) : current.error ? (
        <ErrorMessage error={current.error} retry={current.refetch} />
      ) : kinds.length === 0 ? (
        <p>There is nothing the platform tells your role of yet.</p>
      ) : (
        <>
          <FormError error={error} />
          {saved && (
            <p className="alert alert-ok" role="status">
              Saved.
            </p>
          )}
          <table>
            <caption className="visually-hidden">What you are told of, in the app and by email</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">In the app</th>
                <th scope="col">By email</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map(({ kind, label }) => (
                <tr key={kind}>
                  <th scope="row">{label}</th>
                  {(["inApp", "email"] as Channel[]).map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={`${label}: ${channel === "inApp" ? "in the app" : "by email"}`}
                        checked={settings![channel][kind] ?? true}
                        onChange={(e) => toggle(channel, kind, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save notification settings"}
          </button>
        </>
      )}
    </form>
  );
}
