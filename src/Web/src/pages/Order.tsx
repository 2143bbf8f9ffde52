import { useEffect, useRef, useState } from "react";
import { api, ApiError, followEvents } from "../api";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { ErrorMessage, FormError, Loading } from "../components/Status";
import { formatDateTime, formatMoney, statusName } from "../format";
import { useAction, useApiData, usePageTitle, useUser, type Loaded } from "../hooks";
import { Link } from "../router";
import { cancellableStatuses, finishedStatuses, type Cart, type Order as OrderData, type StatusEvent } from "../types";

export function Order({ id }: { id: string }) {
  usePageTitle("Order");
  const user = useUser();
  const order = useApiData<OrderData>(`/api/orders/${encodeURIComponent(id)}`);
  useLiveStatus(order, user?.role === "patient");

  if (!order.data) return order.error ? <ErrorMessage error={order.error} /> : <Loading what="Loading the order" />;
  const o = order.data;
  const last = o.history[o.history.length - 1];

  return (
    <article className="order">
      <p className="breadcrumb">{user?.role === "patient" ? <Link href="/orders">My orders</Link> : <Link href="/pharmacy">Orders</Link>}</p>
      <h1>Order of {formatDateTime(o.createdAt)}</h1>
      {order.error && <ErrorMessage error={order.error} />}
      <div className="order-status" aria-live="polite">
        <p>
          Status: <OrderStatusBadge status={o.status} />
        </p>
        {o.status === "paymentFailed" && (
          <p className="alert alert-error" role="alert">
            Payment failed: {last?.note ?? "the card was not accepted."} Nothing was charged; check the card details or use another card.
          </p>
        )}
        {o.status === "awaitingReview" && <p>A pharmacist checks the prescription before the order is packed.</p>}
        {o.trackingNumber && (
          <p>
            Tracking number: <strong className="tracking">{o.trackingNumber}</strong>
          </p>
        )}
      </div>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items</h2>
        <ul className="summary">
          {o.items.map((item) => (
            <li key={item.productId}>
              <span>
                {item.quantity} × <Link href={`/medicines/${item.productId}`}>{item.name}</Link>
              </span>
              <span className="money">{formatMoney(item.unitPriceCents * item.quantity)}</span>
            </li>
          ))}
          <li className="total">
            <span>Total (card ending {o.cardLast4})</span>
            <span className="money">{formatMoney(o.totalCents)}</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="address-heading">
        <h2 id="address-heading">Shipping to</h2>
        <address>
          {o.shippingAddress.name}
          <br />
          {o.shippingAddress.line1}
          <br />
          {o.shippingAddress.postalCode} {o.shippingAddress.city}
          <br />
          {o.shippingAddress.country}
        </address>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ol className="timeline">
          {o.history.map((step, index) => (
            <li key={index}>
              <time dateTime={step.at}>{formatDateTime(step.at)}</time> — <strong>{statusName(step.status)}</strong>
              {step.note && <span className="meta"> · {step.note}</span>}
            </li>
          ))}
        </ol>
      </section>

      <OrderActions order={o} onChange={order.setData} patient={user?.role === "patient"} />
    </article>
  );
}

/**
 * Follows the order's server-sent events while it can still change, reloading it on each new
 * step; reconnects after a dropped connection.
 */
function useLiveStatus(order: Loaded<OrderData>, enabled: boolean) {
  const id = order.data?.id;
  const finished = order.data ? finishedStatuses.includes(order.data.status) : true;
  // An event's version counts the steps of the history up to it.
  const shownSteps = useRef(0);
  shownSteps.current = order.data?.history.length ?? 0;
  const { reload } = order;
  useEffect(() => {
    if (!enabled || !id || finished) return;
    const controller = new AbortController();
    const follow = async () => {
      while (!controller.signal.aborted) {
        try {
          // The stream starts with the whole history: only steps newer than what is shown matter.
          await followEvents(
            `/api/orders/${encodeURIComponent(id)}/events`,
            (data) => {
              if ((data as StatusEvent).version > shownSteps.current) reload();
            },
            controller.signal,
          );
        } catch (error) {
          if (controller.signal.aborted || (error instanceof ApiError && error.status >= 400 && error.status < 500)) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    };
    follow();
    return () => controller.abort();
  }, [enabled, id, finished, reload]);
}

function OrderActions({ order, onChange, patient }: { order: OrderData; onChange: (order: OrderData) => void; patient: boolean }) {
  const { busy, error, run } = useAction();
  const [restored, setRestored] = useState<Cart | null>(null);
  const cancel = () =>
    run(async () => {
      if (!window.confirm("Cancel this order? Anything paid is refunded.")) return;
      onChange(await api<OrderData>(`/api/orders/${encodeURIComponent(order.id)}/cancel`, { method: "POST" }));
    });
  // A failed or cancelled order emptied the cart: offer to put its items back in one step.
  const reorder = () =>
    run(async () => {
      let cart: Cart | null = null;
      for (const item of order.items)
        cart = await api<Cart>(`/api/cart/items/${encodeURIComponent(item.productId)}`, {
          method: "PUT",
          body: { quantity: item.quantity, prescriptionId: item.prescriptionId ?? undefined },
        });
      setRestored(cart);
    });

  const canCancel = cancellableStatuses.includes(order.status);
  const canReorder = patient && (order.status === "paymentFailed" || order.status === "cancelled");
  if (!canCancel && !canReorder) return null;
  return (
    <section className="actions" aria-label="Order actions">
      <FormError error={error} />
      {canCancel && (
        <button type="button" className="button-danger" disabled={busy} onClick={cancel}>
          Cancel order
        </button>
      )}
      {canReorder &&
        (restored ? (
          <p className="alert alert-ok" role="status">
            The items are back in your cart. <Link href="/checkout">Check out again</Link>
          </p>
        ) : (
          <button type="button" disabled={busy} onClick={reorder}>
            Put these items back in my cart
          </button>
        ))}
    </section>
  );
}
