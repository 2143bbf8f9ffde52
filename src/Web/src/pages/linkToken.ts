import { useEffect, useState } from "react";

/**
 * The token of a mailed link, from the address's fragment (#token=…): a browser never sends the
 * fragment to a server or a proxy's log. Once read it is taken off the address bar, so it is not
 * left in the history or shown over a shoulder. Reading is pure (React may run it twice); the
 * address is changed after the first render.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get("token"));
  useEffect(() => {
    if (token && location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  }, [token]);
  return token;
}
