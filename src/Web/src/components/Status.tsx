import { useEffect, useRef, type ReactNode } from "react";
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

/** An error from the API as a message a person can act on; where loading can simply be tried again, a button for it. */
export function ErrorMessage({ error, retry }: { error: ApiError; retry?: () => unknown }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.message}</p>
      {retry && (error.isNetworkError || error.status >= 500) && (
        <button type="button" className="button-small button-secondary" onClick={() => retry()}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * A form's error: when every message belongs to a field shown on the form, it only points to
 * them; otherwise it says what went wrong, including messages for fields the form does not show.
 */
export function FormError({ error, fields = [] }: { error: ApiError | null; fields?: string[] }) {
  const summary = useRef<HTMLDivElement>(null);
  // After a failed submit, focus moves to what went wrong: keyboard and screen-reader users are not left at the top of the page.
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);
  if (!error) return null;
  const unplaced = Object.entries(error.errors).filter(([name]) => !fields.includes(name));
  // Only invalid input (400) is said by its fields alone; a refusal such as a declined card also says why.
  const placedOnly = error.status === 400 && Object.keys(error.errors).length > 0 && unplaced.length === 0;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
      {placedOnly ? (
        <p>Please correct the fields marked below.</p>
      ) : (
        <>
          <p>{error.message}</p>
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
