import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError, type Paged } from "../api";
import { Field } from "../components/Field";
import { Pager } from "../components/Pager";
import { ProductBadges } from "../components/ProductList";
import { RequireRole } from "../components/RequireRole";
import { Empty, ErrorMessage, FormError, Loading } from "../components/Status";
import { formatMoney, parseCents } from "../format";
import { nameOf, useAction, useApiData, useCategories, usePageTitle } from "../hooks";
import { Link, navigate, pageFrom, useLocation, withQuery } from "../router";
import type { Product } from "../types";

export function AdminProducts() {
  usePageTitle("Products and stock");
  return (
    <RequireRole roles={["pharmacist", "admin"]}>
      <ProductTable />
      <NewProduct />
    </RequireRole>
  );
}

export const priceError = () => new ApiError(400, "Check the price", "", { priceCents: ["Enter a price in euros, like 4.95."] });

function ProductTable() {
  const url = useLocation();
  const categories = useCategories();
  const q = url.searchParams.get("q") ?? "";
  const page = pageFrom(url);
  const products = useApiData<Paged<Product>>(withQuery("/api/products", { q, page, pageSize: 25 }));
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery("/admin/products", { q: search.trim() }));
  };
  return (
    <section aria-labelledby="products-heading">
      <h1 id="products-heading">Products and stock</h1>
      <form className="filters" role="search" onSubmit={apply}>
        <div className="field">
          <label htmlFor="products-search">Search products</label>
          <input id="products-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="submit">Search</button>
      </form>
      {products.error && <ErrorMessage error={products.error} />}
      {products.loading && <Loading what="Loading products" />}
      {products.data &&
        (products.data.items.length === 0 ? (
          <Empty>No products match.</Empty>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Products</caption>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Category</th>
                    <th scope="col">Price</th>
                    <th scope="col">Stock</th>
                    <th scope="col">Rules</th>
                  </tr>
                </thead>
                <tbody>
                  {products.data.items.map((p) => (
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
                </tbody>
              </table>
            </div>
            <Pager {...products.data} hrefFor={(p) => withQuery("/admin/products", { q, page: p })} />
          </>
        ))}
    </section>
  );
}

function NewProduct() {
  const categories = useCategories();
  const blank = { name: "", category: "", form: "", strength: "", description: "", price: "", stock: "0", requiresPrescription: false, controlled: false, maxPerOrder: "" };
  const [form, setForm] = useState(blank);
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
          requiresPrescription: form.requiresPrescription,
          controlled: form.controlled,
          maxPerOrder: form.maxPerOrder ? Number(form.maxPerOrder) : undefined,
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
            <option value="">Choose a category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("form", "Form (tablet, syrup…)")}
      {text("strength", "Strength")}
      <Field label="Description" error={error?.field("description")}>
        {(control) => <textarea {...control} rows={4} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
      </Field>
      <div className="field-row">
        <Field label="Price (€)" error={error?.field("priceCents")}>
          {(control) => <input {...control} inputMode="decimal" value={form.price} onChange={(e) => setForm({ ...form, price: e.target.value })} />}
        </Field>
        <Field label="Opening stock" error={error?.field("stock")}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={0} value={form.stock} onChange={(e) => setForm({ ...form, stock: e.target.value })} />}
        </Field>
        <Field label="Most per order" hint="Empty: no limit." error={error?.field("maxPerOrder")}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={100} value={form.maxPerOrder} onChange={(e) => setForm({ ...form, maxPerOrder: e.target.value })} />}
        </Field>
      </div>
      <div className="field checkbox">
        <input id="new-rx" type="checkbox" checked={form.requiresPrescription} onChange={(e) => setForm({ ...form, requiresPrescription: e.target.checked })} />
        <label htmlFor="new-rx">Prescription only</label>
      </div>
      <div className="field checkbox">
        <input id="new-controlled" type="checkbox" checked={form.controlled} onChange={(e) => setForm({ ...form, controlled: e.target.checked })} />
        <label htmlFor="new-controlled">Controlled drug (never sold online)</label>
      </div>
      <button type="submit" disabled={busy}>
        Add product
      </button>
    </form>
  );
}
