import type { Paged } from "../api";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { PagedResults } from "../components/PagedResults";
import { formatDateTime, formatMoney } from "../format";
import { useApiData, usePageTitle } from "../hooks";
import { Link, pageFrom, useLocation, withQuery } from "../router";
import type { Order } from "../types";

export function Orders() {
  usePageTitle("My orders");
  const page = pageFrom(useLocation());
  const orders = useApiData<Paged<Order>>(withQuery("/api/orders", { page }));
  return (
    <>
      <h1>My orders</h1>
      <PagedResults
        result={orders}
        loading="Loading your orders"
        empty={
          <>
            You have no orders yet. <Link href="/medicines">Browse medicines</Link>.
          </>
        }
        hrefFor={(p) => withQuery("/orders", { page: p })}
      >
        {(items) => (
          <ul className="cards">
            {items.map((order) => (
              <li key={order.id} className="card">
                <h2 className="card-title">
                  <Link href={`/orders/${order.id}`}>Order of {formatDateTime(order.createdAt)}</Link>
                </h2>
                <p className="meta">{order.items.map((item) => `${item.quantity} × ${item.name}`).join(", ")}</p>
                <p>
                  <OrderStatusBadge status={order.status} /> <span className="money">{formatMoney(order.totalCents)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
