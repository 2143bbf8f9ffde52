import { type Named } from "../api";

/** The options of a select over departments or categories, after one for "none chosen". */
export function NamedOptions({ items, none }: { items: Named[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}
