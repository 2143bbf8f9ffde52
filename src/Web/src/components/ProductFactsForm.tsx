import { useState, type FormEvent } from "react";
import { api, invalidate, type Product } from "../api";
import { useAction } from "../useAction";
import { Field } from "./Field";
import { FormError } from "./Status";

const lists = [
  { name: "activeIngredients", label: "Active ingredients", hint: "Separated by commas, e.g. paracetamol, caffeine." },
  { name: "brandNames", label: "Brand names", hint: "Names it is sold under elsewhere, separated by commas." },
  { name: "indications", label: "Used for", hint: "Plain words people search with, separated by commas: headache, hay fever." },
] as const;

const parts = [
  { name: "uses", label: "Leaflet: what it is for" },
  { name: "dose", label: "Leaflet: how to take it" },
  { name: "warnings", label: "Leaflet: warnings" },
] as const;

const split = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** What a medicine is and what it is for: what search finds it by, and what its page tells patients. */
export function ProductFactsForm({ product }: { product: Product }) {
  const [form, setForm] = useState({
    activeIngredients: product.activeIngredients.join(", "),
    brandNames: product.brandNames.join(", "),
    indications: product.indications.join(", "),
    uses: product.leaflet?.uses ?? "",
    dose: product.leaflet?.dose ?? "",
    warnings: product.leaflet?.warnings ?? "",
  });
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    run(async () => {
      await api.PUT("/api/products/{id}", {
        params: { path: { id: product.id } },
        body: {
          priceCents: null,
          description: null,
          requiresPrescription: null,
          controlled: null,
          maxPerOrder: null,
          clearMaxPerOrder: null,
          activeIngredients: split(form.activeIngredients),
          brandNames: split(form.brandNames),
          indications: split(form.indications),
          leaflet: { uses: form.uses, dose: form.dose, warnings: form.warnings },
        },
      });
      setSaved(true);
      await invalidate("/api/products/{id}", "/api/products");
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate aria-labelledby="facts-heading">
      <h2 id="facts-heading">What it is and what it is for</h2>
      <FormError error={error} fields={[...lists.map((l) => l.name), ...parts.map((p) => `leaflet.${p.name}`)]} />
      {saved && !error && (
        <p className="alert alert-ok" role="status">
          Saved: search and the product page use it now.
        </p>
      )}
      {lists.map((l) => (
        <Field key={l.name} label={l.label} hint={l.hint} error={error?.field(l.name)}>
          {(control) => <input {...control} value={form[l.name]} onChange={(e) => setForm({ ...form, [l.name]: e.target.value })} />}
        </Field>
      ))}
      {parts.map((p) => (
        <Field key={p.name} label={p.label} error={error?.field(`leaflet.${p.name}`)}>
          {(control) => <textarea {...control} rows={3} value={form[p.name]} onChange={(e) => setForm({ ...form, [p.name]: e.target.value })} />}
        </Field>
      ))}
      <button type="submit" disabled={busy}>
        Save
      </button>
    </form>
  );
}
