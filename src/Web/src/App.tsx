import { useEffect, useState, type ReactNode } from "react";
import { restoreSession } from "./api";
import { Layout } from "./components/Layout";
import { Loading } from "./components/Status";
import { AdminProduct } from "./pages/AdminProduct";
import { AdminProducts } from "./pages/AdminProducts";
import { AdminUsers } from "./pages/AdminUsers";
import { Ask } from "./pages/Ask";
import { Cart } from "./pages/Cart";
import { Catalog } from "./pages/Catalog";
import { Checkout } from "./pages/Checkout";
import { ForumList } from "./pages/ForumList";
import { Home } from "./pages/Home";
import { NotFound } from "./pages/NotFound";
import { Order } from "./pages/Order";
import { Orders } from "./pages/Orders";
import { Pharmacy } from "./pages/Pharmacy";
import { Prescribe } from "./pages/Prescribe";
import { Prescriptions } from "./pages/Prescriptions";
import { Product } from "./pages/Product";
import { Register } from "./pages/Register";
import { SignIn } from "./pages/SignIn";
import { Thread } from "./pages/Thread";
import { match, useLocation } from "./router";

type Route = [pattern: string, page: (params: Record<string, string>) => ReactNode];

// Patterns match whole paths segment by segment, so their order does not matter.
const routes: Route[] = [
  ["/", () => <Home />],
  ["/forum", () => <ForumList />],
  ["/forum/ask", () => <Ask />],
  ["/forum/threads/:id", ({ id }) => <Thread id={id} />],
  ["/medicines", () => <Catalog />],
  ["/medicines/:id", ({ id }) => <Product id={id} />],
  ["/cart", () => <Cart />],
  ["/checkout", () => <Checkout />],
  ["/orders", () => <Orders />],
  ["/orders/:id", ({ id }) => <Order id={id} />],
  ["/prescriptions", () => <Prescriptions />],
  ["/prescriptions/new", () => <Prescribe />],
  ["/pharmacy", () => <Pharmacy />],
  ["/admin/users", () => <AdminUsers />],
  ["/admin/products", () => <AdminProducts />],
  ["/admin/products/:id", ({ id }) => <AdminProduct id={id} />],
  ["/sign-in", () => <SignIn />],
  ["/register", () => <Register />],
];

function pageFor(path: string): ReactNode {
  for (const [pattern, page] of routes) {
    const params = match(pattern, path);
    if (params) return page(params);
  }
  return <NotFound />;
}

export function App() {
  const url = useLocation();
  // A stored refresh token is exchanged once on load, before pages decide what the user may see.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    restoreSession().finally(() => setReady(true));
  }, []);

  return <Layout>{ready ? <div key={url.pathname}>{pageFor(url.pathname)}</div> : <Loading />}</Layout>;
}
