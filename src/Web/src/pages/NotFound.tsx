import { Link } from "react-router";
import { usePageTitle } from "../usePageTitle";

export function NotFound() {
  usePageTitle("Not found");
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Go to the <Link to="/">home page</Link>.
      </p>
    </section>
  );
}
