import { useState } from "react";
import { Link } from "react-router";
import { api, $api, invalidate, useApiQuery, type CartLine } from "../api";
import { Empty, ErrorMessage, FormError, Loading } from "../components/Status";
import { quantityError } from "../components/ProductFields";
import { formatMoney, parseQuantity } from "../format";
import { maxUnitsPerLine } from "../limits";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function Cart() {
  usePageTitle("Cart");
  const cart = useApiQuery($api.queryOptions("get", "/api/cart"));
  if (!cart.data) return cart.error ? <ErrorMessage error={cart.error} retry={cart.refetch} /> : <Loading what="Loading your cart" />;
  const c = cart.data;
  const blocked = c.items.some((line) => !line.available);

  return (
    <>
      <h1>Cart</h1>
      {c.items.length === 0 ? (
        <Empty>
          Your cart is empty. <Link to="/medicines">Browse medicines</Link>.
        </Empty>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-label="Medicines in your cart" tabIndex={0}>
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
                  <CartRow key={line.productId} line={line} />
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
              <Link to="/checkout" className="button">
                Check out
              </Link>
            )}
            <Link to="/medicines" className="button button-secondary">
              Keep shopping
            </Link>
          </p>
        </>
      )}
    </>
  );
}

function CartRow({ line }: { line: CartLine }) {
  const [quantity, setQuantity] = useState(String(line.quantity));
  const { busy, error, setError, run } = useAction();
  const params = { path: { productId: line.productId } };
  const update = () => {
    // 0 is allowed here: it takes the line out, as the API defines.
    const units = parseQuantity(quantity, 0);
    if (units === null) return setError(quantityError(0));
    run(async () => {
      await api.PUT("/api/cart/items/{productId}", { params, body: { quantity: units, prescriptionId: line.prescriptionId } });
      await invalidate("/api/cart");
    });
  };
  const remove = () =>
    run(async () => {
      await api.DELETE("/api/cart/items/{productId}", { params });
      await invalidate("/api/cart");
    });
  const inputId = `quantity-${line.productId}`;

  return (
    <tr>
      <td>
        <Link to={`/medicines/${line.productId}`}>{line.name}</Link>
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
          max={maxUnitsPerLine}
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
