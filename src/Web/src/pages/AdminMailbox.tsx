import { useState } from "react";
import { $api, useApiQuery } from "../api";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { formatDateTime } from "../format";
import { usePageTitle } from "../usePageTitle";

/**
 * With no SMTP server (the embedded default), the mail the platform sent, newest first, with its
 * links: how an operator trying MedPlatform out confirms an account or resets a password.
 */
export function AdminMailbox() {
  usePageTitle("Mailbox");
  const [to, setTo] = useState("");
  const mail = useApiQuery($api.queryOptions("get", "/api/admin/mailbox", { params: { query: { to: to || undefined, pageSize: 50 } } }));
  return (
    <section className="panel">
      <h1>Mailbox</h1>
      <p>Mail the platform wrote to its mailbox folder because no SMTP server is set (Smtp:Host). Every look here is audited.</p>
      <div className="field">
        <label htmlFor="mailbox-to">To (part of the address)</label>
        <input id="mailbox-to" type="search" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      {mail.isPending ? (
        <Loading />
      ) : mail.error ? (
        <ErrorMessage error={mail.error} retry={mail.refetch} />
      ) : mail.data.items.length === 0 ? (
        <Empty>No mail yet.</Empty>
      ) : (
        <ul className="notifications">
          {mail.data.items.map((message) => (
            <li key={message.messageId}>
              <h2>{message.subject}</h2>
              <p className="meta">
                To {message.to} · {formatDateTime(message.date)}
              </p>
              <ul>
                {message.links.map((link) => (
                  <li key={link}>
                    <a href={link}>{link}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
