import { useSearchParams } from "react-router";
import { $api, useApiQuery, nameOf, useCategories } from "../api";
import { PagedResults } from "../components/PagedResults";
import { ProductList } from "../components/ProductList";
import { SearchFilters } from "../components/SearchFilters";
import { pageFrom, withQuery } from "../query";
import { usePageTitle } from "../usePageTitle";

export function Catalog() {
  const [search] = useSearchParams();
  const categories = useCategories();
  const category = search.get("category") ?? "";
  const q = search.get("q") ?? "";
  const page = pageFrom(search);
  const query = { category, q, page: page > 1 ? page : undefined };
  const products = useApiQuery(
    $api.queryOptions("get", "/api/products", { params: { query: { category: category || undefined, q: q || undefined, page, pageSize: 12 } } }),
  );
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
      {products.data?.searchedFor && (
        <p className="alert alert-info" role="status">
          No medicine matches “{q}” as typed: showing results for <strong>“{products.data.searchedFor}”</strong>.
        </p>
      )}
      <PagedResults
        result={products}
        loading="Loading medicines"
        summary={(total) => `${total === 1 ? "1 medicine" : `${total} medicines`}${q ? ` matching “${products.data?.searchedFor ?? q}”` : ""}`}
        empty="No medicines match. Try another name or category."
        hrefFor={(p) => withQuery("/medicines", { ...query, page: p })}
      >
        {(items) => <ProductList products={items} />}
      </PagedResults>
    </>
  );
}
