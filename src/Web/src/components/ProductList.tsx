import { type Product } from "../api";
import { formatMoney } from "../format";
import { PackPicture } from "./PackPicture";
import { Link } from "react-router";

export function ProductBadges({ product }: { product: Product }) {
  return (
    <>
      {product.controlled ? (
        <span className="badge badge-stop">Not sold online</span>
      ) : product.requiresPrescription ? (
        <span className="badge badge-rx">Prescription only</span>
      ) : null}
      {product.stock <= 0 && !product.controlled && <span className="badge badge-muted">Out of stock</span>}
    </>
  );
}

/** Medicines as cards; their names are headings one level below the list's own (h2 on a page of its own). */
export function ProductList({ products, level = 2 }: { products: Product[]; level?: 2 | 3 }) {
  const Heading = `h${level}` as const;
  return (
    <ul className="cards product-cards">
      {products.map((product) => (
        <li key={product.id} className="card">
          <PackPicture form={product.form} size={48} decorative />
          <Heading className="card-title">
            <Link to={`/medicines/${product.id}`}>
              {product.name} <span className="strength">{product.strength}</span>
            </Link>
          </Heading>
          <p className="meta">{product.form}</p>
          <p className="price">{formatMoney(product.priceCents)}</p>
          <p>
            <ProductBadges product={product} />
          </p>
        </li>
      ))}
    </ul>
  );
}
