import { useEffect, useRef, useState, type ReactNode } from "react";
import { Link, useLocation, useNavigate, type Location } from "react-router";
import { $api, mustEnrolTwoFactor, signOut, type User, useApiQuery, useUser } from "../api";
import { ConfirmEmailBanner } from "./ConfirmEmailBanner";
import { NotificationBell } from "./NotificationBell";
import { OfflineBanner } from "./OfflineBanner";

interface NavItem {
  href: string;
  label: string;
}

function navFor(user: User | null): NavItem[] {
  const common = [
    { href: "/forum", label: "Forum" },
    { href: "/medicines", label: "Medicines" },
  ];
  switch (user?.role) {
    case "patient":
      return [
        ...common,
        { href: "/forum/ask", label: "Ask a doctor" },
        { href: "/prescriptions", label: "My prescriptions" },
        { href: "/orders", label: "My orders" },
        { href: "/cart", label: "Cart" },
      ];
    case "doctor":
      return [
        ...common,
        { href: "/forum?mine=true", label: "My answered threads" },
        { href: "/prescriptions", label: "Issued prescriptions" },
        { href: "/prescriptions/new", label: "Prescribe" },
      ];
    case "pharmacist":
      return [...common, { href: "/pharmacy", label: "Pharmacy queue" }, { href: "/admin/products", label: "Products and stock" }];
    case "admin":
      return [
        ...common,
        { href: "/admin/users", label: "Users" },
        { href: "/admin/products", label: "Products and stock" },
        { href: "/pharmacy", label: "Orders" },
        { href: "/admin/mailbox", label: "Mailbox" },
      ];
    default:
      return common;
  }
}

// Exact, query included: "/forum?mine=true" is not the current page on "/forum".
function isCurrent(item: NavItem, location: Location): boolean {
  const [path, query] = item.href.split("?");
  return location.pathname === path && (query ?? "") === location.search.slice(1);
}

/** The page frame: skip link, header with navigation by role, main landmark, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a client-side navigation, move focus to the new page so screen readers read it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const leave = () => signOut(() => navigate("/"));
  // On a phone the navigation folds behind a menu button; it closes again on the next page.
  const here = location.pathname + location.search;
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === here;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          MedPlatform
        </Link>
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpenAt(menuOpen ? null : here)}>
          Menu
        </button>
        <nav aria-label="Main" id="main-nav" className={menuOpen ? "open" : undefined}>
          <ul>
            {navFor(user).map((item) => (
              <li key={item.href}>
                <Link to={item.href} aria-current={isCurrent(item, location) ? "page" : undefined}>
                  {item.label}
                  {item.href === "/cart" && <CartCount />}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          {user ? (
            <>
              {/* Staff who must enrol first are refused notifications until they have. */}
              {!mustEnrolTwoFactor(user) && <NotificationBell />}
              <Link to="/account" className="who" aria-current={location.pathname === "/account" ? "page" : undefined}>
                {user.displayName} <span className="role">({user.role})</span>
              </Link>
              <button type="button" className="link-button" onClick={leave}>
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>Sign in</Link>
              <Link to="/register" className="button button-small">
                Register
              </Link>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <OfflineBanner />
        <ConfirmEmailBanner />
        {children}
      </main>
      <footer className="site-footer">
        <p>MedPlatform — answers from verified doctors, medicines from a licensed pharmacy. In an emergency call 112.</p>
        <p>
          <a href="/scalar">REST API reference</a>
        </p>
      </footer>
    </>
  );
}

/** How many units the patient's cart holds, beside its link; it follows every change (the cart query is invalidated by each). */
function CartCount() {
  const cart = useApiQuery($api.queryOptions("get", "/api/cart"));
  const units = cart.data?.items.reduce((sum, line) => sum + line.quantity, 0) ?? 0;
  return units > 0 ? (
    <>
      {" "}
      <span className="badge cart-count">{units}</span>
    </>
  ) : null;
}
