import { Link } from "react-router";
import { $api, useApiQuery, departmentsQuery, useUser } from "../api";
import { ProductList } from "../components/ProductList";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { ThreadList } from "../components/ThreadList";
import { usePageTitle } from "../usePageTitle";

export function Home() {
  usePageTitle("");
  const user = useUser();
  const departments = useApiQuery(departmentsQuery);
  const latest = useApiQuery($api.queryOptions("get", "/api/forum/threads", { params: { query: { pageSize: 5 } } }));
  const medicines = useApiQuery($api.queryOptions("get", "/api/products", { params: { query: { pageSize: 40 } } }));
  // Featured: what anyone can buy straight away (no prescription, in stock).
  const featured = medicines.data?.items.filter((p) => !p.requiresPrescription && !p.controlled && p.stock > 0).slice(0, 8);

  return (
    <>
      <section className="hero">
        <h1>Health questions answered by verified doctors</h1>
        <p>Ask anonymously if you like, read what others asked, and order medicines — prescription medicines against your doctor's e-prescription.</p>
        <p className="actions">
          {user?.role === "patient" ? (
            <Link to="/forum/ask" className="button">
              Ask a doctor
            </Link>
          ) : !user ? (
            <Link to="/register" className="button">
              Create a free account
            </Link>
          ) : null}
          <Link to="/medicines" className="button button-secondary">
            Browse medicines
          </Link>
        </p>
      </section>

      {/* What follows the hero is shown at once, when the departments and the latest questions are in, so nothing already on screen is pushed down. */}
      {latest.isPending || departments.isPending ? (
        <Loading what="Loading questions" />
      ) : (
        <>
          <section aria-labelledby="departments-heading">
            <h2 id="departments-heading">Departments</h2>
            <ul className="chips">
              {(departments.data ?? []).map((department) => (
                <li key={department.id}>
                  <Link to={`/forum?department=${encodeURIComponent(department.id)}`}>{department.name}</Link>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading">Latest questions</h2>
            {latest.error && <ErrorMessage error={latest.error} retry={latest.refetch} />}
            {latest.data && (latest.data.items.length ? <ThreadList threads={latest.data.items} level={3} /> : <Empty>No questions yet.</Empty>)}
            <p>
              <Link to="/forum">All questions →</Link>
            </p>
          </section>

          <section aria-labelledby="featured-heading">
            <h2 id="featured-heading">Featured medicines</h2>
            {medicines.error && <ErrorMessage error={medicines.error} retry={medicines.refetch} />}
            {medicines.isPending && <Loading what="Loading medicines" />}
            {featured && (featured.length ? <ProductList products={featured} level={3} /> : <Empty>No medicines in the catalog yet.</Empty>)}
            <p>
              <Link to="/medicines">The whole catalog →</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
