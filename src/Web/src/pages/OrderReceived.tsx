import { Link, useParams } from "react-router";
import { $api, useApiQuery } from "../api";
import { ReceiptSections } from "../components/Receipt";
import { ErrorMessage, Loading } from "../components/Status";
import { formatWindow } from "../format";
import { usePageTitle } from "../usePageTitle";

/** Right after checkout: the order is received, its number, what happens next and when it should arrive, and the receipt. */
export function OrderReceived() {
  usePageTitle("Order received");
  const { id = "" } = useParams();
  const order = useApiQuery($api.queryOptions("get", "/api/orders/{id}", { params: { path: { id } } }));
  if (!order.data) return order.error ? <ErrorMessage error={order.error} retry={order.refetch} /> : <Loading what="Loading your order" />;
  const o = order.data;
  const review = o.items.some((item) => item.prescriptionId);
  const tracking = `/orders/${o.id}`;
  const ended = o.status === "cancelled" || o.status === "paymentFailed" || o.status === "refunded";
  const last = o.history[o.history.length - 1];
  // An exit nobody chose gave the items back to the cart (see the order service).
  const itemsBack = ended && !last?.actorId;

  return (
    <article className="order received">
      {ended ? (
        <>
          <h1>Your order could not go ahead</h1>
          <p className="alert alert-error" role="alert">
            {last?.note ?? "It was stopped."} {o.status === "refunded" ? "The payment has been refunded." : "Nothing was charged."}{" "}
            {itemsBack && (
              <>
                The items are back in your cart: <Link to="/cart">see the cart</Link>.{" "}
              </>
            )}
            <Link to={tracking}>See what happened</Link>.
          </p>
        </>
      ) : (
        <>
          <h1>Thank you, your order is received</h1>
          <p className="order-number">
            Order number <strong>{o.orderNumber ?? o.id.slice(0, 8)}</strong>
          </p>
          <p>
            <Link to={tracking}>Track this order</Link>: its page shows each step as it happens
            {o.trackingNumber ? `, and the parcel's tracking number ${o.trackingNumber}` : ", and the parcel's tracking number once it is sent"}.
          </p>
        </>
      )}

      {!ended && (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">What happens next</h2>
          <ol className="next-steps">
            <li>
              Your card ending {o.cardLast4} is charged {o.status === "placed" || o.status === "stockReserved" ? "in a moment" : "(done)"}.
            </li>
            {review && <li>A pharmacist checks your prescription before the order is packed, usually within a working day.</li>}
            <li>We pack your order and send it; you can follow it on its page.</li>
          </ol>
          {o.estimatedDelivery && (
            <p className="estimate">
              Estimated delivery: <strong>{formatWindow(o.estimatedDelivery)}</strong>
            </p>
          )}
        </section>
      )}

      <ReceiptSections order={o} heading={ended ? "Items" : "Receipt"} />
    </article>
  );
}
