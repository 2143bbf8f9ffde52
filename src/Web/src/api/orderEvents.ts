import type { NotificationEvent, OrderStatusEvent } from "./model";
import { followServerEvents } from "./serverEvents";

/** An order's "status" events: each step of its history, then each new one as it happens. */
export const followOrderEvents = (
  orderId: string,
  onStatus: (event: OrderStatusEvent) => void,
  signal: AbortSignal,
  onConnection?: (live: boolean) => void,
): Promise<void> => followServerEvents(`/api/orders/${encodeURIComponent(orderId)}/events`, onStatus, signal, onConnection);

/** The signed-in user's "notification" events: each notification as it arrives, with the unread count after it. */
export const followNotifications = (
  onNotification: (event: NotificationEvent) => void,
  signal: AbortSignal,
  onConnection?: (live: boolean) => void,
): Promise<void> => followServerEvents("/api/notifications/events", onNotification, signal, onConnection);
