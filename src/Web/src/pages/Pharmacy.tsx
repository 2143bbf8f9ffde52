import { useState, type FormEvent } from "react";
import { api, type Paged } from "../api";
import { Field } from "../components/Field";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { PagedResults } from "../components/PagedResults";
import { ErrorMessage, FormError, Loading } from "../components/Status";
import { formatDate, formatDateTime, formatMoney, statusName } from "../format";
import { useAction, useApiData, usePageTitle, useUser } from "../hooks";
import { Link, navigate, pageFrom, useLocation, withQuery } from "../router";
import type { Order, OrderStatus, Prescription } from "../types";

const queues: OrderStatus[] = ["awaitingReview", "readyToShip", "shipped", "delivered", "paymentFailed", "refunded", "cancelled"];

export function Pharmacy() {
  usePageTitle("Pharmacy queue");
  const url = useLocation();
  const status = (url.searchParams.get("status") as OrderStatus | null) ?? "awaitingReview";
  const page = pageFrom(url);
  const orders = useApiData<Paged<Order>>(withQuery("/api/pharmacy/orders", { status, page }));
  return (
    <>
      <h1>Pharmacy queue</h1>
      <div className="field inline">
        <label htmlFor="queue-status">Show orders that are</label>
        <select id="queue-status" value={status} onChange={(e) => navigate(withQuery("/pharmacy", { status: e.target.value }))}>
          {queues.map((s) => (
            <option key={s} value={s}>
              {statusName(s)}
            </option>
          ))}
        </select>
      </div>
      <PagedResults
        result={orders}
        loading="Loading orders"
        empty={`No orders are ${statusName(status).toLowerCase()}.`}
        hrefFor={(p) => withQuery("/pharmacy", { status, page: p })}
      >
        {(items) => (
          <ul className="cards">
            {items.map((order) => (
              <QueueItem key={order.id} order={order} onDone={orders.reload} />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}

function QueueItem({ order, onDone }: { order: Order; onDone: () => void }) {
  const user = useUser();
  const pharmacist = user?.role === "pharmacist";
  const { busy, error, run } = useAction();
  const [reason, setReason] = useState("");
  const [tracking, setTracking] = useState("");
  const act = (verb: string, body?: unknown) => (event?: FormEvent) => {
    event?.preventDefault();
    run(async () => {
      await api(`/api/pharmacy/orders/${encodeURIComponent(order.id)}/${verb}`, { method: "POST", body });
      onDone();
    });
  };
  const prescriptionIds = [...new Set(order.items.map((item) => item.prescriptionId).filter((id): id is string => !!id))];

  return (
    <li className="card" aria-label={`Order for ${order.shippingAddress.name}`}>
      <h2 className="card-title">
        <Link href={`/orders/${order.id}`}>Order {order.id.slice(0, 8)}</Link> <OrderStatusBadge status={order.status} />
      </h2>
      <p className="meta">
        Placed {formatDateTime(order.createdAt)} · {order.shippingAddress.name}, {order.shippingAddress.city} · {formatMoney(order.totalCents)}
      </p>
      <ul>
        {order.items.map((item) => (
          <li key={item.productId}>
            {item.quantity} × {item.name}
            {item.prescriptionId && <span className="badge badge-rx">Prescription</span>}
          </li>
        ))}
      </ul>
      {order.status === "awaitingReview" && prescriptionIds.map((id) => <PrescriptionDetails key={id} id={id} />)}
      {order.trackingNumber && <p>Tracking number: {order.trackingNumber}</p>}
      <FormError error={error} fields={["reason", "trackingNumber"]} />
      {pharmacist && order.status === "awaitingReview" && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={act("approve")}>
            Approve
          </button>
          <form className="inline-form" onSubmit={act("reject", { reason })}>
            <Field label="Reason to reject" error={error?.field("reason")}>
              {(control) => <input {...control} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <button type="submit" className="button-danger" disabled={busy}>
              Reject
            </button>
          </form>
        </div>
      )}
      {pharmacist && order.status === "readyToShip" && (
        <form className="inline-form" onSubmit={act("ship", { trackingNumber: tracking })}>
          <Field label="Tracking number" error={error?.field("trackingNumber")}>
            {(control) => <input {...control} value={tracking} maxLength={64} onChange={(e) => setTracking(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            Ship
          </button>
        </form>
      )}
      {pharmacist && order.status === "shipped" && (
        <button type="button" disabled={busy} onClick={act("deliver")}>
          Mark delivered
        </button>
      )}
    </li>
  );
}

/** The prescription a line was bought against, for the pharmacist's review. */
function PrescriptionDetails({ id }: { id: string }) {
  const rx = useApiData<Prescription>(`/api/prescriptions/${encodeURIComponent(id)}`);
  if (rx.error) return <ErrorMessage error={rx.error} />;
  if (!rx.data) return <Loading what="Loading the prescription" />;
  return (
    <div className="rx">
      <p>
        <strong>Prescription</strong> by {rx.data.doctorName}, issued {formatDate(rx.data.issuedAt)}, valid until {formatDate(rx.data.expiresAt)} (
        {statusName(rx.data.status)})
      </p>
      <ul>
        {rx.data.items.map((item) => (
          <li key={item.productId}>
            {item.productName}: {item.quantity} per fill, {item.remaining} left
          </li>
        ))}
      </ul>
      {rx.data.notes && <p className="post-body">{rx.data.notes}</p>}
    </div>
  );
}
