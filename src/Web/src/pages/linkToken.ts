/**
 * The token of a mailed link, from the address's fragment (#token=…): a browser never sends the
 * fragment to a server or a proxy's log. It is taken off the address bar at once, so it is not left
 * in the history or shown over a shoulder.
 */
export function takeLinkToken(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  if (token) history.replaceState(history.state, "", location.pathname + location.search);
  return token;
}
