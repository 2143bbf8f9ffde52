import { Link, useSearchParams } from "react-router";
import { $api, useApiQuery } from "../api";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { PagedResults } from "../components/PagedResults";
import { formatDateTime, formatMoney } from "../format";
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
                  <Link to={`/orders/${order.id}`}>Order of {formatDateTime(order.createdAt)}</Link>
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
