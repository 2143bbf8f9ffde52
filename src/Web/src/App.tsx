import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { mustEnrolTwoFactor, restoreSession, type Role, useUser } from "./api";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Layout } from "./components/Layout";
import { RequireRole } from "./components/RequireRole";
import { Loading } from "./components/Status";
import { Account } from "./pages/Account";
import { ForgotPassword } from "./pages/ForgotPassword";
import { Notifications } from "./pages/Notifications";
import { Unsubscribe } from "./pages/Unsubscribe";
import { ResetPassword } from "./pages/ResetPassword";
import { VerifyEmail } from "./pages/VerifyEmail";
import { Ask } from "./pages/Ask";
import { Cart } from "./pages/Cart";
import { Catalog } from "./pages/Catalog";
import { Checkout } from "./pages/Checkout";
import { ForumList } from "./pages/ForumList";
import { Home } from "./pages/Home";
import { NotFound } from "./pages/NotFound";
import { Order } from "./pages/Order";
import { Orders } from "./pages/Orders";
import { OrderReceived } from "./pages/OrderReceived";
import { Prescriptions } from "./pages/Prescriptions";
import { Product } from "./pages/Product";
import { Register } from "./pages/Register";
import { SignIn } from "./pages/SignIn";
import { Thread } from "./pages/Thread";

// Staff's and doctors' pages load when first opened: visitors and patients, most of the people on a
// phone, never download them.
// So are the account's security, privacy and access log pages: opened rarely, by the signed-in only.
const AccessLog = lazy(() => import("./pages/AccessLog").then((m) => ({ default: m.AccessLog })));
const Privacy = lazy(() => import("./pages/Privacy").then((m) => ({ default: m.Privacy })));
const Security = lazy(() => import("./pages/Security").then((m) => ({ default: m.Security })));
const AdminMailbox = lazy(() => import("./pages/AdminMailbox").then((m) => ({ default: m.AdminMailbox })));
const AdminProduct = lazy(() => import("./pages/AdminProduct").then((m) => ({ default: m.AdminProduct })));
const AdminProducts = lazy(() => import("./pages/AdminProducts").then((m) => ({ default: m.AdminProducts })));
const AdminUsers = lazy(() => import("./pages/AdminUsers").then((m) => ({ default: m.AdminUsers })));
const Pharmacy = lazy(() => import("./pages/Pharmacy").then((m) => ({ default: m.Pharmacy })));
const Prescribe = lazy(() => import("./pages/Prescribe").then((m) => ({ default: m.Prescribe })));

interface Page {
  path: string;
  page: ReactNode;
  /** Who may open the page; anyone when absent. A visitor is asked to sign in. */
  roles?: Role[];
}

const pages: Page[] = [
  { path: "/", page: <Home /> },
  { path: "/forum", page: <ForumList /> },
  { path: "/forum/ask", page: <Ask />, roles: ["patient"] },
  { path: "/forum/threads/:id", page: <Thread /> },
  { path: "/medicines", page: <Catalog /> },
  { path: "/medicines/:id", page: <Product /> },
  { path: "/cart", page: <Cart />, roles: ["patient"] },
  { path: "/checkout", page: <Checkout />, roles: ["patient"] },
  { path: "/orders", page: <Orders />, roles: ["patient"] },
  { path: "/orders/:id", page: <Order />, roles: ["patient", "pharmacist", "admin"] },
  { path: "/orders/:id/received", page: <OrderReceived />, roles: ["patient"] },
  { path: "/prescriptions", page: <Prescriptions />, roles: ["patient", "doctor"] },
  { path: "/prescriptions/new", page: <Prescribe />, roles: ["doctor"] },
  { path: "/pharmacy", page: <Pharmacy />, roles: ["pharmacist", "admin"] },
  { path: "/admin/users", page: <AdminUsers />, roles: ["admin"] },
  { path: "/admin/mailbox", page: <AdminMailbox />, roles: ["admin"] },
  { path: "/admin/products", page: <AdminProducts />, roles: ["pharmacist", "admin"] },
  { path: "/admin/products/:id", page: <AdminProduct />, roles: ["pharmacist", "admin"] },
  { path: "/account", page: <Account />, roles: ["patient", "doctor", "pharmacist", "admin"] },
  { path: "/account/security", page: <Security />, roles: ["patient", "doctor", "pharmacist", "admin"] },
  { path: "/account/privacy", page: <Privacy />, roles: ["patient", "doctor", "pharmacist", "admin"] },
  { path: "/account/access-log", page: <AccessLog />, roles: ["patient"] },
  { path: "/sign-in", page: <SignIn /> },
  { path: "/register", page: <Register /> },
  { path: "/verify-email", page: <VerifyEmail /> },
  { path: "/forgot-password", page: <ForgotPassword /> },
  { path: "/reset-password", page: <ResetPassword /> },
  { path: "/notifications", page: <Notifications />, roles: ["patient", "doctor", "pharmacist", "admin"] },
  { path: "/unsubscribe", page: <Unsubscribe /> },
];

/** Where staff without a second factor are taken: until they enrol, the API refuses them everything else. */
const enrolment = "/account/security";

export function App() {
  const { pathname } = useLocation();
  const user = useUser();
  const mustEnrol = mustEnrolTwoFactor(user);
  // A stored session is checked once on load, before pages decide what the user may see.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    restoreSession().finally(() => setReady(true));
  }, []);

  return (
    <Layout>
      {ready ? (
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              {pages.map(({ path, page, roles }) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    mustEnrol && path !== enrolment ? <Navigate to={enrolment} replace /> : roles ? <RequireRole roles={roles}>{page}</RequireRole> : page
                  }
                />
              ))}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      ) : (
        <Loading />
      )}
    </Layout>
  );
}
