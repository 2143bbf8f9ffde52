import { type Product } from "../api";

/** What is in a medicine, the names it is sold under, what it is for, and its leaflet in brief. */
export function ProductFactsPanel({ product }: { product: Product }) {
  const { activeIngredients, brandNames, indications, leaflet } = product;
  if (activeIngredients.length === 0 && brandNames.length === 0 && indications.length === 0 && !leaflet) return null;
  return (
    <>
      <dl className="facts">
        {activeIngredients.length > 0 && (
          <>
            <dt>Active {activeIngredients.length === 1 ? "ingredient" : "ingredients"}</dt>
            <dd>{activeIngredients.join(", ")}</dd>
          </>
        )}
        {brandNames.length > 0 && (
          <>
            <dt>Also sold as</dt>
            <dd>{brandNames.join(", ")}</dd>
          </>
        )}
        {indications.length > 0 && (
          <>
            <dt>Used for</dt>
            <dd>{indications.join(", ")}</dd>
          </>
        )}
      </dl>
      {leaflet && (
        <section className="leaflet" aria-labelledby="leaflet-heading">
          <h2 id="leaflet-heading">Leaflet in brief</h2>
          <h3>What it is for</h3>
          <p>{leaflet.uses}</p>
          <h3>How to take it</h3>
          <p>{leaflet.dose}</p>
          <h3>Warnings</h3>
          <p>{leaflet.warnings}</p>
          <p className="hint">A summary: read the leaflet in the pack, and ask a pharmacist or doctor if you are unsure.</p>
        </section>
      )}
    </>
  );
}
