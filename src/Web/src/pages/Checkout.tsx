import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, api, $api, invalidate, useApiQuery, useUser, type Cart, type SavedAddress, type ShippingAddress } from "../api";
import { TextField } from "../components/TextField";
import { Empty, ErrorMessage, FormError, Loading } from "../components/Status";
import { formatMoney } from "../format";
import { maxSavedAddresses } from "../limits";
import { paymentOutcome } from "../paymentOutcome";
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
type AddressForm = Record<AddressField, string>;

const formOf = ({ name, line1, city, postalCode, country }: ShippingAddress): AddressForm => ({ name, line1, city, postalCode, country });
const sameAddress = (a: AddressForm, b: AddressForm) => addressFields.every((f) => a[f.name].trim() === b[f.name].trim());

export function Checkout() {
  usePageTitle("Checkout");
  const cart = useApiQuery($api.queryOptions("get", "/api/cart"));
  const saved = useApiQuery($api.queryOptions("get", "/api/me/addresses"));
  // While a payment is in flight the cart is empty on the server (the order took it): the form
  // stays on the cart it was paying for, whatever a refetch of the cart says meanwhile.
  const [paying, setPaying] = useState<Cart | null>(null);
  const shown = paying ?? cart.data;

  if (!shown) return cart.error ? <ErrorMessage error={cart.error} retry={cart.refetch} /> : <Loading what="Loading your cart" />;
  // Saved addresses only help: if they cannot be read, the patient types the address.
  if (!saved.data && !saved.error) return <Loading what="Loading your cart" />;
  if (shown.items.length === 0)
    return (
      <>
        <h1>Checkout</h1>
        <Empty>
          Your cart is empty. <Link to="/medicines">Browse medicines</Link>.
        </Empty>
      </>
    );
  return <CheckoutForm cart={shown} saved={saved.data ?? []} onPaying={setPaying} />;
}

function CheckoutForm({ cart, saved, onPaying }: { cart: Cart; saved: SavedAddress[]; onPaying: (cart: Cart | null) => void }) {
  const user = useUser();
  const navigate = useNavigate();
  const preferred = saved.find((a) => a.isDefault) ?? saved[0];
  const [address, setAddress] = useState<AddressForm>(
    preferred ? formOf(preferred) : { name: user?.displayName ?? "", line1: "", city: "", postalCode: "", country: "" },
  );
  const [keep, setKeep] = useState(true);
  const [card, setCard] = useState({ cardNumber: "", expiry: "", cvc: "" });
  // One key per attempt: a network retry of the same attempt cannot place a second order.
  const attemptKey = useRef(newKey());
  const { busy, error, run } = useAction();
  const chosen = saved.find((a) => sameAddress(formOf(a), address));
  const canKeep = !chosen && saved.length < maxSavedAddresses;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      onPaying(cart);
      try {
        await pay();
      } finally {
        onPaying(null);
      }
    });
  };

  const pay = async () => {
    let orderId: string;
    try {
      const { data: order } = await api.POST("/api/orders", {
        params: { header: { "Idempotency-Key": attemptKey.current } },
        body: { shippingAddress: address, payment: { ...card, cardNumber: card.cardNumber.replace(/[\s-]/g, "") } },
      });
      orderId = order!.id;
    } catch (failure) {
      // Refused: the next attempt is a new request. Unreachable, busy or failing: the order may
      // exist, and only the same key finds it again instead of checking out a second time.
      if (failure instanceof ApiError && refusals.includes(failure.status)) attemptKey.current = newKey();
      throw failure;
    }
    attemptKey.current = newKey();
    // Kept whatever the card does: the address was right, and a retry starts from it.
    if (keep && canKeep) await keepAddress(address);
    const declined = await paymentOutcome(orderId);
    if (declined !== null) {
      // The order gave its items back to the cart: the patient stays here, retypes the card and pays again.
      await invalidate("/api/cart", "/api/orders", "/api/me/addresses");
      setCard((typed) => ({ ...typed, cvc: "" }));
      throw new ApiError(402, "Payment declined", `${declined} Nothing was charged, and your items are still in your cart.`, {
        "payment.cardNumber": [`${declined} Check the card details or use another card.`],
      });
    }
    navigate(`/orders/${orderId}/received`);
    void invalidate("/api/cart", "/api/orders", "/api/me/addresses");
  };

  const cardField = { errorPrefix: "payment.", form: card, setForm: setCard, error };
  const fields = [...addressFields.map((f) => `shippingAddress.${f.name}`), "payment.cardNumber", "payment.expiry", "payment.cvc"];
  return (
    <>
      <h1>Checkout</h1>
      <section className="panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Your order</h2>
        <ul className="summary">
          {cart.items.map((line) => (
            <li key={line.productId}>
              <span>
                {line.quantity} × {line.name}
              </span>
              <span className="money">{formatMoney(line.unitPriceCents * line.quantity)}</span>
            </li>
          ))}
          <li className="total">
            <span>Total</span>
            <span className="money">{formatMoney(cart.totalCents)}</span>
          </li>
        </ul>
      </section>
      <form className="panel narrow" onSubmit={submit} noValidate>
        <FormError error={error} fields={fields} />
        <fieldset>
          <legend>Shipping address</legend>
          {saved.length > 0 && (
            <div className="field">
              <label htmlFor="saved-address">Ship to</label>
              <select
                id="saved-address"
                value={chosen?.id ?? ""}
                onChange={(e) => {
                  const picked = saved.find((a) => a.id === e.target.value);
                  setAddress(picked ? formOf(picked) : { name: address.name, line1: "", city: "", postalCode: "", country: "" });
                }}
              >
                {saved.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}, {a.line1}, {a.city}
                  </option>
                ))}
                <option value="">A new address</option>
              </select>
            </div>
          )}
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
          {canKeep && (
            <div className="field checkbox">
              <input id="keep-address" type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
              <label htmlFor="keep-address">Save this address for next time</label>
            </div>
          )}
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
          {busy ? "Placing your order…" : `Pay ${formatMoney(cart.totalCents)}`}
        </button>
      </form>
    </>
  );
}

/**
 * Adds the address to the saved ones as they are now (the first becomes the default), not as this
 * page loaded them: another tab may have changed them. Not keeping it never stops the order.
 */
async function keepAddress(address: AddressForm) {
  try {
    const { data: saved } = await api.GET("/api/me/addresses");
    if (saved!.some((a) => sameAddress(formOf(a), address))) return;
    await api.PUT("/api/me/addresses", { body: [...saved!, { id: null, ...address, isDefault: saved!.length === 0 }] });
  } catch {
    // The order is placed either way; the address can be saved next time.
  }
}
