import { useEffect, useState, type ReactNode } from "react";
import { restoreSession, type Role } from "./api";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Layout } from "./components/Layout";
import { RequireRole } from "./components/RequireRole";
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

interface Route {
  pattern: string;
  page: (params: Record<string, string>) => ReactNode;
  /** Who may open the page; anyone when absent. A visitor is asked to sign in. */
  roles?: Role[];
}

// Patterns match whole paths segment by segment, so their order does not matter.
const routes: Route[] = [
  { pattern: "/", page: () => <Home /> },
  { pattern: "/forum", page: () => <ForumList /> },
  { pattern: "/forum/ask", page: () => <Ask />, roles: ["patient"] },
  { pattern: "/forum/threads/:id", page: ({ id }) => <Thread id={id} /> },
  { pattern: "/medicines", page: () => <Catalog /> },
  { pattern: "/medicines/:id", page: ({ id }) => <Product id={id} /> },
  { pattern: "/cart", page: () => <Cart />, roles: ["patient"] },
  { pattern: "/checkout", page: () => <Checkout />, roles: ["patient"] },
  { pattern: "/orders", page: () => <Orders />, roles: ["patient"] },
  { pattern: "/orders/:id", page: ({ id }) => <Order id={id} />, roles: ["patient", "pharmacist", "admin"] },
  { pattern: "/prescriptions", page: () => <Prescriptions />, roles: ["patient", "doctor"] },
  { pattern: "/prescriptions/new", page: () => <Prescribe />, roles: ["doctor"] },
  { pattern: "/pharmacy", page: () => <Pharmacy />, roles: ["pharmacist", "admin"] },
  { pattern: "/admin/users", page: () => <AdminUsers />, roles: ["admin"] },
  { pattern: "/admin/products", page: () => <AdminProducts />, roles: ["pharmacist", "admin"] },
  { pattern: "/admin/products/:id", page: ({ id }) => <AdminProduct id={id} />, roles: ["pharmacist", "admin"] },
  { pattern: "/sign-in", page: () => <SignIn /> },
  { pattern: "/register", page: () => <Register /> },
];

function pageFor(path: string): ReactNode {
  for (const route of routes) {
    const params = match(route.pattern, path);
    if (!params) continue;
    return route.roles ? <RequireRole roles={route.roles}>{route.page(params)}</RequireRole> : route.page(params);
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

  return <Layout>{ready ? <ErrorBoundary key={url.pathname}>{pageFor(url.pathname)}</ErrorBoundary> : <Loading />}</Layout>;
}
