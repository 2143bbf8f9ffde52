import { useId } from "react";
import { ApiError } from "../api";
import { maxUnitsPerLine } from "../limits";
import { Field } from "./Field";

// The parts of a product a pharmacist or admin sets both when adding and when editing it.

export interface ProductRules {
  requiresPrescription: boolean;
  controlled: boolean;
  /** Empty: no limit. */
  maxPerOrder: string;
}

export function ProductRulesFields({ value, onChange, error }: { value: ProductRules; onChange: (next: ProductRules) => void; error: ApiError | null }) {
  const id = useId();
  return (
    <>
      <Field label="Most per order" hint="Empty: no limit." error={error?.field("maxPerOrder")}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxUnitsPerLine}
            value={value.maxPerOrder}
            onChange={(e) => onChange({ ...value, maxPerOrder: e.target.value })}
          />
        )}
      </Field>
      <div className="field checkbox">
        <input
          id={`${id}-rx`}
          type="checkbox"
          checked={value.requiresPrescription}
          onChange={(e) => onChange({ ...value, requiresPrescription: e.target.checked })}
        />
        <label htmlFor={`${id}-rx`}>Prescription only</label>
      </div>
      <div className="field checkbox">
        <input id={`${id}-controlled`} type="checkbox" checked={value.controlled} onChange={(e) => onChange({ ...value, controlled: e.target.checked })} />
        <label htmlFor={`${id}-controlled`}>Controlled drug (never sold online)</label>
      </div>
    </>
  );
}

export function PriceField({ value, onChange, error }: { value: string; onChange: (text: string) => void; error: ApiError | null }) {
  return (
    <Field label="Price (€)" error={error?.field("priceCents")}>
      {(control) => <input {...control} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A quantity as typed could not be read: shown against the quantity like the API's own errors. */
export const quantityError = (min: number) =>
  new ApiError(400, "Check the quantity", "", { quantity: [`Enter a whole number from ${min} to ${maxUnitsPerLine}.`] });

/** The price as typed could not be read: shown against the price field like the API's own errors. */
export const priceError = () => new ApiError(400, "Check the price", "", { priceCents: ["Enter a price in euros, like 4.95."] });
