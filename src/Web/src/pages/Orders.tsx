import type { Paged } from "../api";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { Pager } from "../components/Pager";
import { RequireRole } from "../components/RequireRole";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { formatDateTime, formatMoney } from "../format";
import { useApiData, usePageTitle } from "../hooks";
import { Link, pageFrom, useLocation, withQuery } from "../router";
import type { Order } from "../types";

export function Orders() {
  usePageTitle("My orders");
  return (
    <RequireRole roles={["patient"]}>
      <OrderList />
    </RequireRole>
  );
}

function OrderList() {
  const page = pageFrom(useLocation());
  const orders = useApiData<Paged<Order>>(withQuery("/api/orders", { page }));
  return (
    <>
      <h1>My orders</h1>
      {orders.error && <ErrorMessage error={orders.error} />}
      {orders.loading && <Loading what="Loading your orders" />}
      {orders.data &&
        (orders.data.items.length === 0 ? (
          <Empty>
            You have no orders yet. <Link href="/medicines">Browse medicines</Link>.
          </Empty>
        ) : (
          <>
            <ul className="cards">
              {orders.data.items.map((order) => (
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
            <Pager {...orders.data} hrefFor={(p) => withQuery("/orders", { page: p })} />
          </>
        ))}
    </>
  );
}
