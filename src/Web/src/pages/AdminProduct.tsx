import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { api, type Product, $api, invalidate, useApiQuery } from "../api";
import { Field } from "../components/Field";
import { ProductFactsForm } from "../components/ProductFactsForm";
import { priceError, PriceField, ProductRulesFields, type ProductRules } from "../components/ProductFields";
import { ProductBadges } from "../components/ProductList";
import { ErrorMessage, FormError, Loading } from "../components/Status";
import { centsToText, formatDateTime, formatMoney, parseCents } from "../format";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function AdminProduct() {
  usePageTitle("Edit product");
  const { id = "" } = useParams();
  const product = useApiQuery($api.queryOptions("get", "/api/products/{id}", { params: { path: { id } } }));
  if (!product.data) return product.error ? <ErrorMessage error={product.error} retry={product.refetch} /> : <Loading what="Loading the product" />;
  const p = product.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/products">Products and stock</Link>
      </p>
      <h1>
        {p.name} {p.strength}
      </h1>
      <p className="meta">
        {p.form} · {formatMoney(p.priceCents)} · {p.stock} in stock · changed {formatDateTime(p.updatedAt)} <ProductBadges product={p} />
      </p>
      <p>
        <Link to={`/medicines/${p.id}`}>See it as customers do</Link>
      </p>
      <Details product={p} />
      <ProductFactsForm product={p} />
      <Stock product={p} />
    </>
  );
}

function Details({ product }: { product: Product }) {
  const [price, setPrice] = useState(centsToText(product.priceCents));
  const [description, setDescription] = useState(product.description);
  const [rules, setRules] = useState<ProductRules>({
    requiresPrescription: product.requiresPrescription,
    controlled: product.controlled,
    maxPerOrder: product.maxPerOrder?.toString() ?? "",
  });
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const priceCents = parseCents(price);
    if (priceCents === null) return setError(priceError());
    run(async () => {
      const body = {
        priceCents,
        description,
        requiresPrescription: rules.requiresPrescription,
        controlled: rules.controlled,
        maxPerOrder: rules.maxPerOrder ? Number(rules.maxPerOrder) : null,
        clearMaxPerOrder: rules.maxPerOrder ? null : true,
      };
      const { data: updated } = await api.PUT("/api/products/{id}", { params: { path: { id: product.id } }, body });
      setPrice(centsToText(updated!.priceCents));
      setDescription(updated!.description);
      setSaved(true);
      await invalidate("/api/products/{id}", "/api/products");
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate aria-labelledby="details-heading">
      <h2 id="details-heading">Price and details</h2>
      <FormError error={error} fields={["priceCents", "description", "maxPerOrder"]} />
      {saved && !error && (
        <p className="alert alert-ok" role="status">
          Saved.
        </p>
      )}
      <PriceField value={price} onChange={setPrice} error={error} />
      <Field label="Description" error={error?.field("description")}>
        {(control) => <textarea {...control} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <ProductRulesFields value={rules} onChange={setRules} error={error} />
      <button type="submit" disabled={busy}>
        Save
      </button>
    </form>
  );
}

function Stock({ product }: { product: Product }) {
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await api.POST("/api/products/{id}/stock", { params: { path: { id: product.id } }, body: { delta: Number(delta), reason } });
      await invalidate("/api/products/{id}", "/api/products");
      setDelta("");
      setReason("");
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate aria-labelledby="stock-heading">
      <h2 id="stock-heading">Stock</h2>
      <p>{product.stock} units in stock.</p>
      <FormError error={error} fields={["delta", "reason"]} />
      <Field label="Change by" hint="Positive to receive stock, negative to write it off." error={error?.field("delta")}>
        {(control) => <input {...control} type="number" inputMode="numeric" value={delta} onChange={(e) => setDelta(e.target.value)} />}
      </Field>
      <Field label="Reason" hint="Kept in the audit log, e.g. “delivery 2026-11-27” or “expired batch”." error={error?.field("reason")}>
        {(control) => <input {...control} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        Adjust stock
      </button>
    </form>
  );
}
