import { useState } from "react";
import { api } from "../api";
import { Empty, ErrorMessage, FormError, Loading } from "../components/Status";
import { quantityError } from "../components/ProductFields";
import { formatMoney, parseQuantity } from "../format";
import { useAction, useApiData, usePageTitle } from "../hooks";
import { Link } from "../router";
import type { Cart as CartData, CartLine } from "../types";

export function Cart() {
  usePageTitle("Cart");
  const cart = useApiData<CartData>("/api/cart");
  if (cart.error) return <ErrorMessage error={cart.error} />;
  if (!cart.data) return <Loading what="Loading your cart" />;
  const c = cart.data;
  const blocked = c.items.some((line) => !line.available);

  return (
    <>
      <h1>Cart</h1>
      {c.items.length === 0 ? (
        <Empty>
          Your cart is empty. <Link href="/medicines">Browse medicines</Link>.
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Medicines in your cart</caption>
              <thead>
                <tr>
                  <th scope="col">Medicine</th>
                  <th scope="col">Price</th>
                  <th scope="col">Quantity</th>
                  <th scope="col">Subtotal</th>
                </tr>
              </thead>
              <tbody>
                {c.items.map((line) => (
                  <CartRow key={line.productId} line={line} onChange={cart.setData} />
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total
                  </th>
                  <td className="money">{formatMoney(c.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {blocked && <p className="alert alert-error">Some items cannot be bought as they are. Change or remove them to check out.</p>}
          <p className="actions">
            {blocked ? (
              <button type="button" disabled>
                Check out
              </button>
            ) : (
              <Link href="/checkout" className="button">
                Check out
              </Link>
            )}
            <Link href="/medicines" className="button button-secondary">
              Keep shopping
            </Link>
          </p>
        </>
      )}
    </>
  );
}

function CartRow({ line, onChange }: { line: CartLine; onChange: (cart: CartData) => void }) {
  const [quantity, setQuantity] = useState(String(line.quantity));
  const { busy, error, setError, run } = useAction();
  const path = `/api/cart/items/${encodeURIComponent(line.productId)}`;
  const update = () => {
    // 0 is allowed here: it takes the line out, as the API defines.
    const units = parseQuantity(quantity, 0);
    if (units === null) return setError(quantityError(0));
    run(async () => onChange(await api<CartData>(path, { method: "PUT", body: { quantity: units, prescriptionId: line.prescriptionId ?? undefined } })));
  };
  const remove = () => run(async () => onChange(await api<CartData>(path, { method: "DELETE" })));
  const inputId = `quantity-${line.productId}`;

  return (
    <tr>
      <td>
        <Link href={`/medicines/${line.productId}`}>{line.name}</Link>
        {line.requiresPrescription && <span className="badge badge-rx">Prescription</span>}
        {line.problem && <p className="field-error">{line.problem}</p>}
        <FormError error={error} />
      </td>
      <td className="money">{formatMoney(line.unitPriceCents)}</td>
      <td>
        <label htmlFor={inputId} className="visually-hidden">
          Quantity of {line.name}
        </label>
        <input
          id={inputId}
          className="quantity"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
        <button type="button" className="button-small" disabled={busy || quantity === String(line.quantity)} onClick={update}>
          Update
        </button>
        <button type="button" className="button-small button-secondary" disabled={busy} onClick={remove} aria-label={`Remove ${line.name}`}>
          Remove
        </button>
      </td>
      <td className="money">{formatMoney(line.unitPriceCents * line.quantity)}</td>
    </tr>
  );
}
