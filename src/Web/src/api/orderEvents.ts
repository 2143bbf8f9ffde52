import type { NotificationEvent, OrderStatusEvent } from "./model";
import { followServerEvents } from "./serverEvents";

/** An order's "status" events: each step of its history, then each new one as it happens. */
export const followOrderEvents = (
  orderId: string,
  onStatus: (event: OrderStatusEvent) => void,
  signal: AbortSignal,
  onConnection?: (live: boolean) => void,
): Promise<void> => followServerEvents(`/api/orders/${encodeURIComponent(orderId)}/events`, onStatus, signal, onConnection);

/** The unread count after notifications were marked read, in this tab or another. */
export type UnreadCountEvent = { unreadCount: number };

/**
 * The signed-in user's "notification" events (each notification as it arrives, with the unread
 * count after it) and "unread" events (some were marked read, here or on another device).
 */
export const followNotifications = (
  onNotification: (event: NotificationEvent) => void,
  onRead: (event: UnreadCountEvent) => void,
  signal: AbortSignal,
  onConnection?: (live: boolean) => void,
): Promise<void> =>
  followServerEvents<NotificationEvent | UnreadCountEvent>(
    "/api/notifications/events",
    (data, name) => {
      if (name === "notification") onNotification(data as NotificationEvent);
      else if (name === "unread") onRead(data as UnreadCountEvent);
    },
    signal,
    onConnection,
  );
