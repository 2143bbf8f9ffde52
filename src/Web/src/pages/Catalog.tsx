import { useEffect, useState, type FormEvent } from "react";
import type { Paged } from "../api";
import { Pager } from "../components/Pager";
import { ProductList } from "../components/ProductList";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { nameOf, useApiData, useCategories, usePageTitle } from "../hooks";
import { navigate, pageFrom, useLocation, withQuery } from "../router";
import type { Product } from "../types";

export function Catalog() {
  const url = useLocation();
  const categories = useCategories();
  const category = url.searchParams.get("category") ?? "";
  const q = url.searchParams.get("q") ?? "";
  const page = pageFrom(url);
  const query = { category, q, page: page > 1 ? page : undefined };
  const products = useApiData<Paged<Product>>(withQuery("/api/products", { ...query, pageSize: 12 }));
  const title = category ? nameOf(categories, category) : "Medicines";
  usePageTitle(title);

  const [search, setSearch] = useState(q);
  const [chosen, setChosen] = useState(category);
  useEffect(() => {
    setSearch(q);
    setChosen(category);
  }, [q, category]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery("/medicines", { category: chosen, q: search.trim() }));
  };

  return (
    <>
      <h1>{title}</h1>
      <form className="filters" role="search" onSubmit={apply}>
        <div className="field">
          <label htmlFor="catalog-category">Category</label>
          <select id="catalog-category" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-search">Search medicines</label>
          <input id="catalog-search" type="search" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="submit">Search</button>
      </form>

      {products.error && <ErrorMessage error={products.error} />}
      {products.loading && <Loading what="Loading medicines" />}
      {products.data && (
        <>
          <p className="result-count" role="status">
            {products.data.totalCount === 1 ? "1 medicine" : `${products.data.totalCount} medicines`}
            {q && ` matching “${q}”`}
          </p>
          {products.data.items.length ? <ProductList products={products.data.items} /> : <Empty>No medicines match. Try another name or category.</Empty>}
          <Pager {...products.data} hrefFor={(p) => withQuery("/medicines", { ...query, page: p })} />
        </>
      )}
    </>
  );
}
