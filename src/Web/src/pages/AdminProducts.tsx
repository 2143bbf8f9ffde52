import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, $api, invalidate, useApiQuery, nameOf, useCategories } from "../api";
import { Field } from "../components/Field";
import { TextField } from "../components/TextField";
import { NamedOptions } from "../components/NamedOptions";
import { DataTable } from "../components/DataTable";
import { PagedResults } from "../components/PagedResults";
import { priceError, PriceField, ProductRulesFields, type ProductRules } from "../components/ProductFields";
import { ProductBadges } from "../components/ProductList";
import { SearchFilters } from "../components/SearchFilters";
import { FormError } from "../components/Status";
import { formatMoney, parseCents } from "../format";
import { pageFrom, withQuery } from "../query";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

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
  const [search] = useSearchParams();
  const categories = useCategories();
  const q = search.get("q") ?? "";
  const page = pageFrom(search);
  const products = useApiQuery($api.queryOptions("get", "/api/products", { params: { query: { q: q || undefined, page, pageSize: 25 } } }));
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
                  <Link to={`/admin/products/${p.id}`}>
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
  const navigate = useNavigate();
  const categories = useCategories();
  const [form, setForm] = useState(blank);
  const [rules, setRules] = useState(noRules);
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const priceCents = parseCents(form.price);
    if (priceCents === null) return setError(priceError());
    run(async () => {
      const { data: product } = await api.POST("/api/products", {
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
          maxPerOrder: rules.maxPerOrder ? Number(rules.maxPerOrder) : null,
        },
      });
      await invalidate("/api/products");
      navigate(`/admin/products/${product!.id}`);
    });
  };
  return (
    <form className="panel narrow" onSubmit={submit} noValidate aria-labelledby="new-product-heading">
      <h2 id="new-product-heading">Add a product</h2>
      <FormError error={error} fields={["name", "category", "form", "strength", "description", "priceCents", "stock", "maxPerOrder"]} />
      <TextField label="Name" name="name" form={form} setForm={setForm} error={error} />
      <Field label="Category" error={error?.field("category")}>
        {(control) => (
          <select {...control} value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            <NamedOptions items={categories} none="Choose a category" />
          </select>
        )}
      </Field>
      <TextField label="Form (tablet, syrup…)" name="form" form={form} setForm={setForm} error={error} />
      <TextField label="Strength" name="strength" form={form} setForm={setForm} error={error} />
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
