import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, api, $api, invalidate, useApiQuery, useUser } from "../api";
import { TextField } from "../components/TextField";
import { Empty, ErrorMessage, FormError, Loading } from "../components/Status";
import { formatMoney } from "../format";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

const refusals = [400, 409, 413, 422];

/** A random key; `crypto.randomUUID` exists only on HTTPS or localhost. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const addressFields = [
  { name: "name", label: "Full name", autoComplete: "name" },
  { name: "line1", label: "Street and number", autoComplete: "address-line1" },
  { name: "city", label: "City", autoComplete: "address-level2" },
  { name: "postalCode", label: "Postal code", autoComplete: "postal-code" },
  { name: "country", label: "Country", autoComplete: "country-name" },
] as const;

type AddressField = (typeof addressFields)[number]["name"];

export function Checkout() {
  usePageTitle("Checkout");
  const user = useUser();
  const navigate = useNavigate();
  const cart = useApiQuery($api.queryOptions("get", "/api/cart"));
  const [address, setAddress] = useState<Record<AddressField, string>>({ name: user?.displayName ?? "", line1: "", city: "", postalCode: "", country: "" });
  const [card, setCard] = useState({ cardNumber: "", expiry: "", cvc: "" });
  // One key per attempt: a network retry of the same attempt cannot place a second order.
  const attemptKey = useRef(newKey());
  const { busy, error, run } = useAction();

  if (!cart.data) return cart.error ? <ErrorMessage error={cart.error} retry={cart.refetch} /> : <Loading what="Loading your cart" />;
  if (cart.data.items.length === 0)
    return (
      <>
        <h1>Checkout</h1>
        <Empty>
          Your cart is empty. <Link to="/medicines">Browse medicines</Link>.
        </Empty>
      </>
    );

  const cardField = { errorPrefix: "payment.", form: card, setForm: setCard, error };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      try {
        const { data: order } = await api.POST("/api/orders", {
          params: { header: { "Idempotency-Key": attemptKey.current } },
          body: { shippingAddress: address, payment: { ...card, cardNumber: card.cardNumber.replace(/[\s-]/g, "") } },
        });
        navigate(`/orders/${order!.id}`);
        void invalidate("/api/cart", "/api/orders");
      } catch (failure) {
        // Refused: the next attempt is a new request. Unreachable, busy or failing: the order may
        // exist, and only the same key finds it again instead of checking out a second time.
        if (failure instanceof ApiError && refusals.includes(failure.status)) attemptKey.current = newKey();
        throw failure;
      }
    });
  };

  const fields = [...addressFields.map((f) => `shippingAddress.${f.name}`), "payment.cardNumber", "payment.expiry", "payment.cvc"];
  return (
    <>
      <h1>Checkout</h1>
      <section className="panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Your order</h2>
        <ul className="summary">
          {cart.data.items.map((line) => (
            <li key={line.productId}>
              <span>
                {line.quantity} × {line.name}
              </span>
              <span className="money">{formatMoney(line.unitPriceCents * line.quantity)}</span>
            </li>
          ))}
          <li className="total">
            <span>Total</span>
            <span className="money">{formatMoney(cart.data.totalCents)}</span>
          </li>
        </ul>
      </section>
      <form className="panel narrow" onSubmit={submit} noValidate>
        <FormError error={error} fields={fields} />
        <fieldset>
          <legend>Shipping address</legend>
          {addressFields.map((f) => (
            <TextField
              key={f.name}
              label={f.label}
              name={f.name}
              errorPrefix="shippingAddress."
              form={address}
              setForm={setAddress}
              error={error}
              autoComplete={`shipping ${f.autoComplete}`}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>Card</legend>
          <p className="hint">Your card is passed to the payment service and not stored by us; we keep only its last four digits.</p>
          <TextField label="Card number" name="cardNumber" {...cardField} inputMode="numeric" autoComplete="cc-number" />
          <div className="field-row">
            <TextField label="Expiry (MM/YY)" name="expiry" {...cardField} autoComplete="cc-exp" placeholder="MM/YY" />
            <TextField label="Security code" name="cvc" {...cardField} inputMode="numeric" autoComplete="cc-csc" />
          </div>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? "Placing your order…" : `Pay ${formatMoney(cart.data.totalCents)}`}
        </button>
      </form>
    </>
  );
}
