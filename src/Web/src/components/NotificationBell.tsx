import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { $api, followNotifications, invalidate, useApiQuery, useUser } from "../api";

/**
 * The header's bell: how many notifications are unread, kept live by the server's events (as an
 * order's status is), and a spoken note for each that arrives.
 */
export function NotificationBell() {
  const user = useUser();
  const location = useLocation();
  const unread = useApiQuery($api.queryOptions("get", "/api/notifications", { params: { query: { unread: true, pageSize: 1 } } }));
  const [latest, setLatest] = useState<{ count: number; title: string } | null>(null);
  // Keyed by the account, not the user object: a token renewal must not reopen the stream.
  const userId = user?.id;
  useEffect(() => {
    if (!userId) return;
    const stop = new AbortController();
    followNotifications(
      (event) => {
        setLatest({ count: event.unreadCount, title: event.notification.title });
        void invalidate("/api/notifications");
      },
      // Read in another tab or on another device: this bell and list follow.
      () => void invalidate("/api/notifications"),
      stop.signal,
      // The stream starts at what is new from now: after a dropped connection, what came meanwhile is read afresh.
      (live) => {
        if (live) void invalidate("/api/notifications");
      },
    ).catch(() => undefined);
    return () => stop.abort();
  }, [userId]);
  const count = unread.data?.unreadCount ?? latest?.count ?? 0;
  return (
    <>
      <Link
        to="/notifications"
        className="bell"
        aria-current={location.pathname === "/notifications" ? "page" : undefined}
        aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
      >
        Notifications
        {count > 0 && (
          <>
            {" "}
            <span className="badge unread-count" aria-hidden="true">
              {count}
            </span>
          </>
        )}
      </Link>
      <span className="visually-hidden" role="status">
        {/* The count makes each arrival a change of text, so two with the same title are both announced. */}
        {latest && `New notification (${latest.count} unread): ${latest.title}`}
      </span>
    </>
  );
}
