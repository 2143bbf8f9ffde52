import type { Paged } from "../api";
import { PagedResults } from "../components/PagedResults";
import { ProductList } from "../components/ProductList";
import { SearchFilters } from "../components/SearchFilters";
import { nameOf, useApiData, useCategories, usePageTitle } from "../hooks";
import { pageFrom, useLocation, withQuery } from "../router";
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

  return (
    <>
      <h1>{title}</h1>
      <SearchFilters
        path="/medicines"
        searchLabel="Search medicines"
        choice={{ name: "category", label: "Category", none: "All categories", items: categories }}
      />
      <PagedResults
        result={products}
        loading="Loading medicines"
        summary={(total) => `${total === 1 ? "1 medicine" : `${total} medicines`}${q ? ` matching “${q}”` : ""}`}
        empty="No medicines match. Try another name or category."
        hrefFor={(p) => withQuery("/medicines", { ...query, page: p })}
      >
        {(items) => <ProductList products={items} />}
      </PagedResults>
    </>
  );
}
