import { Link } from "react-router";
import { type Order } from "../api";
import { formatMoney } from "../format";

const percent = new Intl.NumberFormat(navigator.language || "en", { maximumFractionDigits: 2 });

/** An order's lines, total and the VAT the total includes: what the patient paid for. */
export function Receipt({ order }: { order: Order }) {
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
      <li className="vat">
        <span>Including VAT ({percent.format(order.vatRatePercent)} %)</span>
        <span className="money">{formatMoney(order.vatIncludedCents)}</span>
      </li>
    </ul>
  );
}

/** Where the order goes, as written on the parcel. */
export function ShippingAddressBlock({ order }: { order: Order }) {
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
