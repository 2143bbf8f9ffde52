import { usePageTitle } from "../hooks";
import { Link } from "../router";

export function NotFound() {
  usePageTitle("Not found");
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Go to the <Link href="/">home page</Link>.
      </p>
    </section>
  );
}
