import { Link, useSearchParams } from "react-router";
import { $api, useApiQuery } from "../api";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { PagedResults } from "../components/PagedResults";
import { formatDateTime, formatMoney, orderName } from "../format";
import { pageFrom, withQuery } from "../query";
import { usePageTitle } from "../usePageTitle";

export function Orders() {
  usePageTitle("My orders");
  const [search] = useSearchParams();
  const page = pageFrom(search);
  const orders = useApiQuery($api.queryOptions("get", "/api/orders", { params: { query: { page } } }));
  return (
    <>
      <h1>My orders</h1>
      <PagedResults
        result={orders}
        loading="Loading your orders"
        empty={
          <>
            You have no orders yet. <Link to="/medicines">Browse medicines</Link>.
          </>
        }
        hrefFor={(p) => withQuery("/orders", { page: p })}
      >
        {(items) => (
          <ul className="cards">
            {items.map((order) => (
              <li key={order.id} className="card">
                <h2 className="card-title">
                  <Link to={`/orders/${order.id}`}>{orderName(order)}</Link>
                </h2>
                <p className="meta">
                  {formatDateTime(order.createdAt)} · {order.items.map((item) => `${item.quantity} × ${item.name}`).join(", ")}
                </p>
                <p>
                  <OrderStatusBadge status={order.status} /> <span className="money">{formatMoney(order.totalCents)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
      <FailedPayments />
    </>
  );
}

/** Checkouts whose card was declined: not orders (their items went back to the cart), but listed apart for the record. */
function FailedPayments() {
  const failed = useApiQuery($api.queryOptions("get", "/api/orders", { params: { query: { status: "paymentFailed", pageSize: 20 } } }));
  if (!failed.data || failed.data.totalCount === 0) return null;
  return (
    <details className="failed-payments">
      <summary>Payments that did not go through ({failed.data.totalCount})</summary>
      <p className="hint">Nothing was charged for these; their items went back to your cart.</p>
      <ul className="plain">
        {failed.data.items.map((attempt) => (
          <li key={attempt.id}>
            <Link to={`/orders/${attempt.id}`}>{formatDateTime(attempt.createdAt)}</Link> · {formatMoney(attempt.totalCents)} · card ending {attempt.cardLast4}
          </li>
        ))}
      </ul>
    </details>
  );
}
