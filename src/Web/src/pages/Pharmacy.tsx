import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, api, type Order, type OrderStatus, $api, invalidate, useApiQuery, useUser } from "../api";
import { Field } from "../components/Field";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { PagedResults } from "../components/PagedResults";
import { ErrorMessage, FormError, Loading } from "../components/Status";
import { formatDate, formatDateTime, formatMoney, orderName, statusName } from "../format";
import { pageFrom, withQuery } from "../query";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

const queues: OrderStatus[] = ["awaitingReview", "readyToShip", "shipped", "delivered", "paymentFailed", "refunded", "cancelled"];

export function Pharmacy() {
  usePageTitle("Pharmacy queue");
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const status = queues.find((queue) => queue === search.get("status")) ?? "awaitingReview";
  const page = pageFrom(search);
  const orders = useApiQuery($api.queryOptions("get", "/api/pharmacy/orders", { params: { query: { status, page } } }));
  return (
    <>
      <h1>Pharmacy queue</h1>
      <FindByNumber />
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
              <QueueItem key={order.id} order={order} />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}

/** A patient on the phone reads out their order number: the order's page, whatever its status. */
function FindByNumber() {
  const navigate = useNavigate();
  const [number, setNumber] = useState("");
  const { busy, error, setError, run } = useAction();
  const find = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { data } = await api.GET("/api/pharmacy/orders", { params: { query: { number } } });
      const found = data!.items[0];
      if (found) navigate(`/orders/${found.id}`);
      else setError(new ApiError(404, "Not found", "", { number: [`No order has the number ${number.trim().toUpperCase()}.`] }));
    });
  };
  return (
    <form className="filters" role="search" aria-label="Find an order" onSubmit={find} noValidate>
      <Field label="Order number" hint="As the patient reads it, e.g. MP-7F3K2Q." error={error?.field("number") ?? (error ? error.message : undefined)}>
        {(control) => <input {...control} value={number} autoComplete="off" onChange={(e) => setNumber(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy || !number.trim()}>
        Find order
      </button>
    </form>
  );
}

function QueueItem({ order }: { order: Order }) {
  const user = useUser();
  const pharmacist = user?.role === "pharmacist";
  const { busy, error, run } = useAction();
  const [reason, setReason] = useState("");
  const [tracking, setTracking] = useState("");
  const params = { path: { id: order.id } };
  const act = (send: () => Promise<unknown>) => (event?: FormEvent) => {
    event?.preventDefault();
    run(async () => {
      await send();
      await invalidate("/api/pharmacy/orders", "/api/orders/{id}", "/api/orders");
    });
  };
  const approve = act(() => api.POST("/api/pharmacy/orders/{id}/approve", { params }));
  const reject = act(() => api.POST("/api/pharmacy/orders/{id}/reject", { params, body: { reason } }));
  const ship = act(() => api.POST("/api/pharmacy/orders/{id}/ship", { params, body: { trackingNumber: tracking } }));
  const deliver = act(() => api.POST("/api/pharmacy/orders/{id}/deliver", { params }));
  const prescriptionIds = [...new Set(order.items.map((item) => item.prescriptionId).filter((id): id is string => !!id))];

  return (
    <li className="card" aria-label={`Order for ${order.shippingAddress.name}`}>
      <h2 className="card-title">
        <Link to={`/orders/${order.id}`}>{orderName(order)}</Link> <OrderStatusBadge status={order.status} />
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
          <button type="button" disabled={busy} onClick={approve}>
            Approve
          </button>
          <form className="inline-form" onSubmit={reject}>
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
        <form className="inline-form" onSubmit={ship}>
          <Field label="Tracking number" error={error?.field("trackingNumber")}>
            {(control) => <input {...control} value={tracking} maxLength={64} onChange={(e) => setTracking(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            Ship
          </button>
        </form>
      )}
      {pharmacist && order.status === "shipped" && (
        <button type="button" disabled={busy} onClick={deliver}>
          Mark delivered
        </button>
      )}
    </li>
  );
}

/** The prescription a line was bought against, for the pharmacist's review. */
function PrescriptionDetails({ id }: { id: string }) {
  const rx = useApiQuery($api.queryOptions("get", "/api/prescriptions/{id}", { params: { path: { id } } }));
  if (rx.error) return <ErrorMessage error={rx.error} retry={rx.refetch} />;
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
