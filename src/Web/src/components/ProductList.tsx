import type { Product } from "../types";
import { formatMoney } from "../format";
import { Link } from "../router";

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

export function ProductList({ products }: { products: Product[] }) {
  return (
    <ul className="cards product-cards">
      {products.map((product) => (
        <li key={product.id} className="card">
          <h3>
            <Link href={`/medicines/${product.id}`}>
              {product.name} <span className="strength">{product.strength}</span>
            </Link>
          </h3>
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
