import { useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { api, type Cart, type Prescription, type Product as ProductData, $api, invalidate, useApiQuery, nameOf, useCategories, useUser } from "../api";
import { Field } from "../components/Field";
import { PackPicture } from "../components/PackPicture";
import { ProductFactsPanel } from "../components/ProductFacts";
import { ProductBadges } from "../components/ProductList";
import { SignInToAct } from "../components/RequireRole";
import { ErrorMessage, FormError, Loading, Notice } from "../components/Status";
import { formatDate, formatMoney, parseQuantity } from "../format";
import { quantityError } from "../components/ProductFields";
import { maxPageSize, maxUnitsPerLine } from "../limits";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function Product() {
  const { id = "" } = useParams();
  const user = useUser();
  const categories = useCategories();
  const product = useApiQuery($api.queryOptions("get", "/api/products/{id}", { params: { path: { id } } }));
  usePageTitle(product.data?.name ?? "Medicine");

  if (!product.data) return product.error ? <ErrorMessage error={product.error} retry={product.refetch} /> : <Loading what="Loading the medicine" />;
  const p = product.data;
  const staff = user?.role === "pharmacist" || user?.role === "admin";

  return (
    <article className="product">
      <p className="breadcrumb">
        <Link to="/medicines">Medicines</Link> › <Link to={`/medicines?category=${encodeURIComponent(p.category)}`}>{nameOf(categories, p.category)}</Link>
      </p>
      <PackPicture form={p.form} />
      <h1>{p.name}</h1>
      <p className="meta">
        {p.strength} · {p.form}
      </p>
      <p className="price">{formatMoney(p.priceCents)}</p>
      <p>
        <ProductBadges product={p} />
        {!p.controlled && p.stock > 0 && <span className="badge badge-muted">{p.stock} in stock</span>}
      </p>
      {p.maxPerOrder && !p.controlled && <p className="meta">At most {p.maxPerOrder} per order.</p>}
      <div className="post-body">{p.description}</div>
      <ProductFactsPanel product={p} />

      {p.controlled ? (
        <Notice>This is a controlled medicine. It is never sold online: your doctor or a local pharmacy can help.</Notice>
      ) : !user ? (
        <>
          {p.requiresPrescription && (
            <Notice>
              This medicine needs a prescription from a verified doctor. <Link to="/forum">Ask one in the forum</Link> (you may stay anonymous): a doctor who
              answers can write you an e-prescription, and you buy it here against it.
            </Notice>
          )}
          <SignInToAct action="buy this medicine" />
        </>
      ) : user.role === "patient" ? (
        <AddToCart product={p} />
      ) : null}
      {staff && (
        <p>
          <Link to={`/admin/products/${p.id}`} className="button button-secondary">
            Edit price, details and stock
          </Link>
        </p>
      )}
    </article>
  );
}

function covers(prescription: Prescription, productId: string) {
  return prescription.status === "active" && prescription.items.some((item) => item.productId === productId && item.remaining > 0);
}

function AddToCart({ product }: { product: ProductData }) {
  const [search] = useSearchParams();
  const prescriptions = useApiQuery(
    $api.queryOptions("get", "/api/prescriptions", { params: { query: { pageSize: maxPageSize } } }, { enabled: product.requiresPrescription }),
  );
  const usable = prescriptions.data?.items.filter((rx) => covers(rx, product.id)) ?? [];
  const [quantity, setQuantity] = useState("1");
  const [chosenPrescription, setChosenPrescription] = useState(search.get("prescription") ?? "");
  const prescriptionId = usable.some((rx) => rx.id === chosenPrescription) ? chosenPrescription : (usable[0]?.id ?? "");
  const [added, setAdded] = useState<Cart | null>(null);
  const cart = useApiQuery($api.queryOptions("get", "/api/cart"));
  const inCart = cart.data?.items.find((line) => line.productId === product.id)?.quantity ?? 0;
  const { busy, error, setError, run } = useAction();

  if (product.requiresPrescription) {
    if (prescriptions.error) return <ErrorMessage error={prescriptions.error} retry={prescriptions.refetch} />;
    if (!prescriptions.data) return <Loading what="Checking your prescriptions" />;
    if (usable.length === 0)
      return (
        <Notice>
          This medicine needs a prescription from a verified doctor, and none of yours covers it. <Link to="/forum/ask">Ask a doctor</Link> in the forum.
        </Notice>
      );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const units = parseQuantity(quantity, 1);
    if (units === null) return setError(quantityError(1));
    run(async () => {
      const { data: cart } = await api.PUT("/api/cart/items/{productId}", {
        params: { path: { productId: product.id } },
        body: { quantity: null, add: units, prescriptionId: product.requiresPrescription ? prescriptionId : null },
      });
      setAdded(cart!);
      void invalidate("/api/cart");
    });
  };

  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h2>Buy</h2>
      <FormError error={error} fields={["quantity", "prescriptionId"]} />
      {product.requiresPrescription && (
        <Field label="Prescription" error={error?.field("prescriptionId")}>
          {(control) => (
            <select {...control} value={prescriptionId} onChange={(e) => setChosenPrescription(e.target.value)}>
              {usable.map((rx) => {
                const line = rx.items.find((item) => item.productId === product.id)!;
                return (
                  <option key={rx.id} value={rx.id}>
                    {rx.doctorName}, {formatDate(rx.issuedAt)} — {line.remaining} left
                  </option>
                );
              })}
            </select>
          )}
        </Field>
      )}
      <Field label="Quantity" error={error?.field("quantity")}>
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={1} max={maxUnitsPerLine} value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        )}
      </Field>
      {inCart > 0 && !added && (
        <p className="hint">
          You have {inCart} in your cart; this adds to them. <Link to="/cart">Go to the cart</Link>
        </p>
      )}
      <button type="submit" disabled={busy || product.stock <= 0}>
        {product.stock <= 0 ? "Out of stock" : busy ? "Adding…" : "Put in cart"}
      </button>
      {added && (
        <p className="alert alert-ok" role="status">
          In your cart: {added.items.find((line) => line.productId === product.id)?.quantity ?? 0} × {product.name}. <Link to="/cart">Go to the cart</Link>
        </p>
      )}
    </form>
  );
}
