import { useState, type FormEvent } from "react";
import { api } from "../api";
import { Field } from "../components/Field";
import { ProductBadges } from "../components/ProductList";
import { RequireRole } from "../components/RequireRole";
import { ErrorMessage, FormError, Loading } from "../components/Status";
import { centsToText, formatDateTime, formatMoney, parseCents } from "../format";
import { useAction, useApiData, usePageTitle } from "../hooks";
import { Link } from "../router";
import type { Product } from "../types";
import { priceError } from "./AdminProducts";

export function AdminProduct({ id }: { id: string }) {
  usePageTitle("Edit product");
  return (
    <RequireRole roles={["pharmacist", "admin"]}>
      <EditProduct id={id} />
    </RequireRole>
  );
}

function EditProduct({ id }: { id: string }) {
  const product = useApiData<Product>(`/api/products/${encodeURIComponent(id)}`);
  if (product.error) return <ErrorMessage error={product.error} />;
  if (!product.data) return <Loading what="Loading the product" />;
  const p = product.data;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/products">Products and stock</Link>
      </p>
      <h1>
        {p.name} {p.strength}
      </h1>
      <p className="meta">
        {p.form} · {formatMoney(p.priceCents)} · {p.stock} in stock · changed {formatDateTime(p.updatedAt)} <ProductBadges product={p} />
      </p>
      <p>
        <Link href={`/medicines/${p.id}`}>See it as customers do</Link>
      </p>
      <Details key={`d${p.updatedAt}`} product={p} onSaved={product.setData} />
      <Stock key={`s${p.updatedAt}`} product={p} onSaved={product.setData} />
    </>
  );
}

function Details({ product, onSaved }: { product: Product; onSaved: (p: Product) => void }) {
  const [form, setForm] = useState({
    price: centsToText(product.priceCents),
    description: product.description,
    requiresPrescription: product.requiresPrescription,
    controlled: product.controlled,
    maxPerOrder: product.maxPerOrder?.toString() ?? "",
  });
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const priceCents = parseCents(form.price);
    if (priceCents === null) return setError(priceError());
    run(async () => {
      const body = {
        priceCents,
        description: form.description,
        requiresPrescription: form.requiresPrescription,
        controlled: form.controlled,
        maxPerOrder: form.maxPerOrder ? Number(form.maxPerOrder) : undefined,
        clearMaxPerOrder: form.maxPerOrder ? undefined : true,
      };
      onSaved(await api<Product>(`/api/products/${encodeURIComponent(product.id)}`, { method: "PUT", body }));
      setSaved(true);
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
      <Field label="Price (€)" error={error?.field("priceCents")}>
        {(control) => <input {...control} inputMode="decimal" value={form.price} onChange={(e) => setForm({ ...form, price: e.target.value })} />}
      </Field>
      <Field label="Description" error={error?.field("description")}>
        {(control) => <textarea {...control} rows={5} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
      </Field>
      <Field label="Most per order" hint="Empty: no limit." error={error?.field("maxPerOrder")}>
        {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={100} value={form.maxPerOrder} onChange={(e) => setForm({ ...form, maxPerOrder: e.target.value })} />}
      </Field>
      <div className="field checkbox">
        <input id="edit-rx" type="checkbox" checked={form.requiresPrescription} onChange={(e) => setForm({ ...form, requiresPrescription: e.target.checked })} />
        <label htmlFor="edit-rx">Prescription only</label>
      </div>
      <div className="field checkbox">
        <input id="edit-controlled" type="checkbox" checked={form.controlled} onChange={(e) => setForm({ ...form, controlled: e.target.checked })} />
        <label htmlFor="edit-controlled">Controlled drug (never sold online)</label>
      </div>
      <button type="submit" disabled={busy}>
        Save
      </button>
    </form>
  );
}

function Stock({ product, onSaved }: { product: Product; onSaved: (p: Product) => void }) {
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      onSaved(await api<Product>(`/api/products/${encodeURIComponent(product.id)}/stock`, { method: "POST", body: { delta: Number(delta), reason } }));
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
