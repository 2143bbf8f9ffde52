import { Link } from "react-router";
import { type Order } from "../api";
import { formatMoney } from "../format";

/** Whether anything was taken: an order that never got past its payment, or was cancelled before it, has no VAT to show. */
const charged = (order: Order) => order.status !== "paymentFailed" && order.status !== "cancelled";

const percent = new Intl.NumberFormat(navigator.language || "en", { maximumFractionDigits: 2 });

/** An order's lines, total and the VAT the total includes: what the patient paid for. */
function Receipt({ order }: { order: Order }) {
  return (
    <ul className="summary receipt">
      {order.items.map((item) => (
        <li key={item.productId}>
          <span>
            {item.quantity} × <Link to={`/medicines/${item.productId}`}>{item.name}</Link>
          </span>
          <span className="money">{formatMoney(item.unitPriceCents * item.quantity)}</span>
        </li>
      ))}
      <li className="total">
        <span>Total (card ending {order.cardLast4})</span>
        <span className="money">{formatMoney(order.totalCents)}</span>
      </li>
      {charged(order) && (
        <li className="vat">
          <span>Including VAT ({percent.format(order.vatRatePercent)} %)</span>
          <span className="money">{formatMoney(order.vatIncludedCents)}</span>
        </li>
      )}
    </ul>
  );
}

/** The order's receipt and where it goes: the two sections the confirmation and the order page share. */
export function ReceiptSections({ order, heading }: { order: Order; heading: string }) {
  return (
    <>
      <section aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{heading}</h2>
        <Receipt order={order} />
      </section>
      <section aria-labelledby="address-heading">
        <h2 id="address-heading">Shipping to</h2>
        <ShippingAddressBlock order={order} />
      </section>
    </>
  );
}

/** Where the order goes, as written on the parcel. */
function ShippingAddressBlock({ order }: { order: Order }) {
  const a = order.shippingAddress;
  return (
    <address>
      {a.name}
      <br />
      {a.line1}
      <br />
      {a.postalCode} {a.city}
      <br />
      {a.country}
    </address>
  );
}
