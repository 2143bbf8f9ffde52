import { useEffect, useRef, useState } from "react";
import { api, type ApiError, useUser } from "../api";

/**
 * Until a patient or doctor follows the link in the confirmation mail, every page says so and offers
 * a new link: asking, ordering and a doctor's verification wait for it.
 */
export function ConfirmEmailBanner() {
  const user = useUser();
  const [state, setState] = useState<"idle" | "sending" | "sent" | ApiError>("idle");
  // The button gives way to the note that the link is sent: focus follows it instead of falling to the page.
  const sentNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state === "sent") sentNote.current?.focus();
  }, [state]);
  if (!user || user.emailVerified || (user.role !== "patient" && user.role !== "doctor")) return null;
  const resend = async () => {
    setState("sending");
    try {
      await api.POST("/api/me/verification-email");
      setState("sent");
    } catch (error) {
      setState(error as ApiError);
    }
  };
  const what = user.role === "patient" ? "ask doctors or order medicines" : "have your licence verified";
  return (
    <div className="alert alert-info confirm-email" role="region" aria-label="Confirm your email address">
      <p>
        Confirm your email address to {what}: open the link we mailed to <strong>{user.email}</strong>.
      </p>
      {state === "sent" ? (
        <p role="status" tabIndex={-1} ref={sentNote}>
          A new link is on its way. It works for 24 hours.
        </p>
      ) : (
        <>
          {typeof state === "object" && <p role="alert">{state.message}</p>}
          <button type="button" className="button-small button-secondary" disabled={state === "sending"} onClick={resend}>
            {state === "sending" ? "Sending…" : "Send a new link"}
          </button>
        </>
      )}
    </div>
  );
}
