import { useState, type FormEvent } from "react";
import { api, type Paged } from "../api";
import { Field } from "../components/Field";
import { NamedOptions } from "../components/NamedOptions";
import { DataTable } from "../components/DataTable";
import { PagedResults } from "../components/PagedResults";
import { priceError, PriceField, ProductRulesFields, type ProductRules } from "../components/ProductFields";
import { ProductBadges } from "../components/ProductList";
import { SearchFilters } from "../components/SearchFilters";
import { FormError } from "../components/Status";
import { formatMoney, parseCents } from "../format";
import { nameOf, useAction, useApiData, useCategories, usePageTitle } from "../hooks";
import { Link, navigate, pageFrom, useLocation, withQuery } from "../router";
import type { Product } from "../types";

export function AdminProducts() {
  usePageTitle("Products and stock");
  return (
    <>
      <ProductTable />
      <NewProduct />
    </>
  );
}

function ProductTable() {
  const url = useLocation();
  const categories = useCategories();
  const q = url.searchParams.get("q") ?? "";
  const page = pageFrom(url);
  const products = useApiData<Paged<Product>>(withQuery("/api/products", { q, page, pageSize: 25 }));
  return (
    <section aria-labelledby="products-heading">
      <h1 id="products-heading">Products and stock</h1>
      <SearchFilters path="/admin/products" searchLabel="Search products" />
      <PagedResults result={products} loading="Loading products" empty="No products match." hrefFor={(p) => withQuery("/admin/products", { q, page: p })}>
        {(items) => (
          <DataTable caption="Products" columns={["Product", "Category", "Price", "Stock", "Rules"]}>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/products/${p.id}`}>
                    {p.name} {p.strength}
                  </Link>
                </td>
                <td>{nameOf(categories, p.category)}</td>
                <td className="money">{formatMoney(p.priceCents)}</td>
                <td className="money">{p.stock}</td>
                <td>
                  <ProductBadges product={p} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedResults>
    </section>
  );
}

const blank = { name: "", category: "", form: "", strength: "", description: "", price: "", stock: "0" };
const noRules: ProductRules = { requiresPrescription: false, controlled: false, maxPerOrder: "" };

function NewProduct() {
  const categories = useCategories();
  const [form, setForm] = useState(blank);
  const [rules, setRules] = useState(noRules);
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const priceCents = parseCents(form.price);
    if (priceCents === null) return setError(priceError());
    run(async () => {
      const product = await api<Product>("/api/products", {
        method: "POST",
        body: {
          name: form.name,
          category: form.category,
          form: form.form,
          strength: form.strength,
          description: form.description,
          priceCents,
          stock: Number(form.stock),
          requiresPrescription: rules.requiresPrescription,
          controlled: rules.controlled,
          maxPerOrder: rules.maxPerOrder ? Number(rules.maxPerOrder) : undefined,
        },
      });
      navigate(`/admin/products/${product.id}`);
    });
  };
  const text = (name: "name" | "form" | "strength", label: string) => (
    <Field label={label} error={error?.field(name)}>
      {(control) => <input {...control} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />}
    </Field>
  );
  return (
    <form className="panel narrow" onSubmit={submit} noValidate aria-labelledby="new-product-heading">
      <h2 id="new-product-heading">Add a product</h2>
      <FormError error={error} fields={["name", "category", "form", "strength", "description", "priceCents", "stock", "maxPerOrder"]} />
      {text("name", "Name")}
      <Field label="Category" error={error?.field("category")}>
        {(control) => (
          <select {...control} value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            <NamedOptions items={categories} none="Choose a category" />
          </select>
        )}
      </Field>
      {text("form", "Form (tablet, syrup…)")}
      {text("strength", "Strength")}
      <Field label="Description" error={error?.field("description")}>
        {(control) => <textarea {...control} rows={4} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
      </Field>
      <div className="field-row">
        <PriceField value={form.price} onChange={(price) => setForm({ ...form, price })} error={error} />
        <Field label="Opening stock" error={error?.field("stock")}>
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={0} value={form.stock} onChange={(e) => setForm({ ...form, stock: e.target.value })} />
          )}
        </Field>
      </div>
      <ProductRulesFields value={rules} onChange={setRules} error={error} />
      <button type="submit" disabled={busy}>
        Add product
      </button>
    </form>
  );
}
