import { useState, type ReactNode } from "react";
import { useAction } from "../useAction";
import { FormError } from "./Status";

interface ConfirmButtonProps {
  /** The button's text, and what a screen reader hears for it. */
  label: string;
  accessibleLabel: string;
  /** What is asked before it is done, and the group's name. */
  question: ReactNode;
  questionLabel: string;
  confirmLabel: string;
  danger?: boolean;
  action: () => Promise<void>;
}

/** A small button for a consequential admin action: it asks first, then does it, showing any refusal beside it. */
export function ConfirmButton({ label, accessibleLabel, question, questionLabel, confirmLabel, danger, action }: ConfirmButtonProps) {
  const { busy, error, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className={danger ? "button-small button-secondary" : "button-small"}
        aria-label={accessibleLabel}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
    );
  return (
    <div role="group" aria-label={questionLabel}>
      <p>{question}</p>
      <button type="button" className={danger ? "button-small button-danger" : "button-small"} disabled={busy} onClick={() => run(action)}>
        {confirmLabel}
      </button>{" "}
      <button type="button" className="button-small button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <FormError error={error} />
    </div>
  );
}
