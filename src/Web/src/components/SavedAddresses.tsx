import { api, $api, invalidate, useApiQuery, type SavedAddress } from "../api";
import { useAction } from "../useAction";
import { Empty, ErrorMessage, FormError, Loading } from "./Status";

/** A patient's saved shipping addresses: the default fills checkout; others can be made the default or removed. */
export function SavedAddresses() {
  const saved = useApiQuery($api.queryOptions("get", "/api/me/addresses"));
  const { busy, error, run } = useAction();
  const save = (next: SavedAddress[]) =>
    run(async () => {
      await api.PUT("/api/me/addresses", { body: next });
      await invalidate("/api/me/addresses");
    });

  let body;
  if (!saved.data) body = saved.error ? <ErrorMessage error={saved.error} retry={saved.refetch} /> : <Loading what="Loading your addresses" />;
  else if (saved.data.length === 0) body = <Empty>No saved addresses yet: checkout offers to keep the one you ship to.</Empty>;
  else {
    const list = saved.data;
    body = (
      <ul className="plain addresses">
        {list.map((a) => (
          <li key={a.id}>
            <address>
              {a.name}, {a.line1}, {a.postalCode} {a.city}, {a.country}
            </address>
            {a.isDefault ? (
              <span className="badge">Default</span>
            ) : (
              <button
                type="button"
                className="button-small button-secondary"
                disabled={busy}
                onClick={() => save(list.map((o) => ({ ...o, isDefault: o.id === a.id })))}
              >
                Make default <span className="visually-hidden">{a.line1}</span>
              </button>
            )}{" "}
            <button type="button" className="button-small button-danger" disabled={busy} onClick={() => save(list.filter((o) => o.id !== a.id))}>
              Remove <span className="visually-hidden">{a.line1}</span>
            </button>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="panel narrow" aria-labelledby="addresses-heading">
      <h2 id="addresses-heading">Saved addresses</h2>
      <FormError error={error} />
      {body}
    </section>
  );
}
