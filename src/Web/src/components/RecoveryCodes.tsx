import { useState } from "react";

/** The recovery codes, shown once right after enrolment: to copy or print, and then gone from the screen. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(codes.join("\n"));
    setCopied(true);
  };
  return (
    <div className="recovery-codes">
      <p className="alert alert-ok" role="status">
        Two-factor sign-in is on.
      </p>
      <h3>Your recovery codes</h3>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Save them somewhere safe now: they are not shown again.
      </p>
      <ul className="plain codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy codes"}
        </button>
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          Print codes
        </button>
        <button type="button" onClick={onDone}>
          I have saved my codes
        </button>
      </div>
    </div>
  );
}
