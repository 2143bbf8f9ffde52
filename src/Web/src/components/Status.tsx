import type { ReactNode } from "react";
import { type ApiError } from "../api";

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** An error from the API as a message a person can act on. */
export function ErrorMessage({ error }: { error: ApiError }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{error.title}</strong>
      </p>
      {error.detail && error.detail !== error.title && <p>{error.detail}</p>}
    </div>
  );
}

/**
 * A form's error: when every message belongs to a field shown on the form, it only points to
 * them; otherwise it says what went wrong, including messages for fields the form does not show.
 */
export function FormError({ error, fields = [] }: { error: ApiError | null; fields?: string[] }) {
  if (!error) return null;
  const unplaced = Object.entries(error.errors).filter(([name]) => !fields.includes(name));
  const placedOnly = Object.keys(error.errors).length > 0 && unplaced.length === 0;
  return (
    <div className="alert alert-error" role="alert">
      {placedOnly ? (
        <p>Please correct the fields marked below.</p>
      ) : (
        <>
          <p>
            <strong>{error.title}</strong>
          </p>
          {error.detail && error.detail !== error.title && <p>{error.detail}</p>}
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map(([name, messages]) => (
                <li key={name}>{messages.join(" ")}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-info" role="status">
      {children}
    </div>
  );
}
