import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { api, type Order as OrderData, followOrderEvents, $api, invalidate, useApiQuery, useUser } from "../api";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { ErrorMessage, FormError, Loading } from "../components/Status";
import { ReceiptSections } from "../components/Receipt";
import { formatDateTime, formatWindow, orderName, statusName } from "../format";
import { cancellableStatuses, finishedStatuses } from "../orderStatuses";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function Order() {
  usePageTitle("Order");
  const { id = "" } = useParams();
  const user = useUser();
  const order = useApiQuery($api.queryOptions("get", "/api/orders/{id}", { params: { path: { id } } }));
  const patient = user?.role === "patient";
  const live = useLiveStatus(order.data, order.refetch, patient);

  if (!order.data) return order.error ? <ErrorMessage error={order.error} retry={order.refetch} /> : <Loading what="Loading the order" />;
  const o = order.data;
  const last = o.history[o.history.length - 1];

  return (
    <article className="order">
      <p className="breadcrumb">{patient ? <Link to="/orders">My orders</Link> : <Link to="/pharmacy">Orders</Link>}</p>
      <h1>{orderName(o)}</h1>
      <p className="meta">Placed {formatDateTime(o.createdAt)}</p>
      {order.error && <ErrorMessage error={order.error} retry={order.refetch} />}
      {!live && (
        <p className="alert alert-info" role="status">
          Connection lost: the status below may be out of date. Reconnecting…
        </p>
      )}
      <div className="order-status" aria-live="polite">
        <p>
          Status: <OrderStatusBadge status={o.status} />
        </p>
        {o.status === "paymentFailed" && (
          <p className="alert alert-error" role="alert">
            Payment failed: {last?.note ?? "the card was not accepted."} Nothing was charged.
            {patient && !last?.actorId && (
              <>
                {" "}
                The items are back in your cart: <Link to="/checkout">pay with another card</Link>.
              </>
            )}
          </p>
        )}
        {o.estimatedDelivery && <p>Estimated delivery: {formatWindow(o.estimatedDelivery)}</p>}
        {o.status === "awaitingReview" && <p>A pharmacist checks the prescription before the order is packed.</p>}
        {o.trackingNumber && (
          <p>
            Tracking number: <strong className="tracking">{o.trackingNumber}</strong>
          </p>
        )}
      </div>

      <ReceiptSections order={o} heading="Items" />

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

      <OrderActions order={o} patient={patient} />
    </article>
  );
}

/**
 * Follows the order's server-sent events while it can still change, loading it again on each new
 * step. False while the stream is down and being tried again.
 */
function useLiveStatus(order: OrderData | undefined, reload: () => unknown, enabled: boolean): boolean {
  const [live, setLive] = useState(true);
  const id = order?.id;
  const finished = order ? finishedStatuses.includes(order.status) : true;
  // An event's version counts the steps of the history up to it; the stream starts with the whole
  // history, so only steps newer than what is shown matter.
  const shownSteps = useRef(0);
  useEffect(() => {
    shownSteps.current = order?.history.length ?? 0;
  });
  useEffect(() => {
    if (!enabled || !id || finished) return;
    const controller = new AbortController();
    followOrderEvents(
      id,
      (event) => {
        if (event.version > shownSteps.current) reload();
      },
      controller.signal,
      setLive,
    ).catch(() => undefined); // ended by leaving the page
    return () => controller.abort();
  }, [enabled, id, finished, reload]);
  return live || finished;
}

function OrderActions({ order, patient }: { order: OrderData; patient: boolean }) {
  const { busy, error, run } = useAction();
  const [restored, setRestored] = useState(false);
  const params = { path: { id: order.id } };
  const cancel = () =>
    run(async () => {
      if (!window.confirm("Cancel this order? Anything paid is refunded.")) return;
      await api.POST("/api/orders/{id}/cancel", { params });
      await invalidate("/api/orders/{id}", "/api/orders", "/api/pharmacy/orders");
    });
  // An order its patient or the pharmacy cancelled emptied the cart: offer to put its items back in one step.
  const reorder = () =>
    run(async () => {
      for (const item of order.items)
        await api.PUT("/api/cart/items/{productId}", {
          params: { path: { productId: item.productId } },
          body: { quantity: item.quantity, prescriptionId: item.prescriptionId },
        });
      await invalidate("/api/cart");
      setRestored(true);
    });

  const canCancel = cancellableStatuses.includes(order.status);
  // A cancellation nobody chose (stock gone when it was reserved) already put the items back.
  const canReorder = patient && order.status === "cancelled" && !!order.history[order.history.length - 1]?.actorId;
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
            The items are back in your cart. <Link to="/checkout">Check out again</Link>
          </p>
        ) : (
          <button type="button" disabled={busy} onClick={reorder}>
            Put these items back in my cart
          </button>
        ))}
    </section>
  );
}
