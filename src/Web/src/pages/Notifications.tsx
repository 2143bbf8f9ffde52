import { useRef } from "react";
import { Link, useNavigate } from "react-router";
import { $api, api, invalidate, type Notification, useApiQuery } from "../api";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { formatDateTime } from "../format";
import { usePageTitle } from "../usePageTitle";

/** The notification centre: newest first, unread ones marked; opening one marks it read. */
export function Notifications() {
  usePageTitle("Notifications");
  const navigate = useNavigate();
  const list = useApiQuery($api.queryOptions("get", "/api/notifications", { params: { query: { pageSize: 50 } } }));
  const open = async (notification: Notification) => {
    if (!notification.read) {
      await api.POST("/api/notifications/{id}/read", { params: { path: { id: notification.id } } });
      await invalidate("/api/notifications");
    }
    navigate(notification.link);
  };
  const heading = useRef<HTMLHeadingElement>(null);
  const readAll = async () => {
    await api.POST("/api/notifications/read-all");
    await invalidate("/api/notifications");
    // The button goes once nothing is unread: focus moves to the page's heading, not to the top of the document.
    heading.current?.focus();
  };
  return (
    <section className="panel">
      <h1 ref={heading} tabIndex={-1}>
        Notifications
      </h1>
      <p>
        <Link to="/account#notifications">Choose what you are told of, and how</Link>
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} retry={list.refetch} />
      ) : list.data.items.length === 0 ? (
        <Empty>Nothing yet. When a doctor answers you or an order moves on, you will find it here.</Empty>
      ) : (
        <>
          {list.data.unreadCount > 0 && (
            <button type="button" className="button-small button-secondary" onClick={readAll}>
              Mark all read
            </button>
          )}
          <ul className="notifications">
            {list.data.items.map((notification) => (
              <li key={notification.id} className={notification.read ? undefined : "unread"}>
                <button type="button" className="link-button" onClick={() => open(notification)}>
                  {!notification.read && <span className="visually-hidden">Unread: </span>}
                  {notification.title}
                </button>
                <p>{notification.body}</p>
                <p className="meta">{formatDateTime(notification.createdAt)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
