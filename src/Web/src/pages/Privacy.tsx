import { Link } from "react-router";
import { api, useUser } from "../api";
import { FormError } from "../components/Status";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

/** A person's rights over their data: a copy of all of it, and (for patients) who has seen it. */
export function Privacy() {
  usePageTitle("Your data and privacy");
  const user = useUser()!;
  const { busy, error, run } = useAction();
  const download = () =>
    run(async () => {
      const { data } = await api.GET("/api/me/export", { parseAs: "blob" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(data as Blob);
      link.download = `medplatform-data-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  return (
    <>
      <h1>Your data and privacy</h1>
      <section className="panel narrow" aria-labelledby="download-heading">
        <h2 id="download-heading">Download your data</h2>
        <p>
          One file (JSON) with everything MedPlatform holds about you: your account and devices,
          {user.role === "patient"
            ? " your questions and their answers, prescriptions, cart, orders, saved addresses, notifications and who has seen your health data."
            : " your answers and notifications."}{" "}
          Keep it safe: it holds your health records.
        </p>
        <FormError error={error} />
        <button type="button" onClick={download} disabled={busy}>
          {busy ? "Preparing…" : "Download my data"}
        </button>
      </section>
      {user.role === "patient" && (
        <section className="panel narrow" aria-labelledby="access-heading">
          <h2 id="access-heading">Who saw your health data</h2>
          <p>
            Every time a doctor, pharmacist or administrator opens or changes your prescriptions, orders or anonymous questions, it is recorded.{" "}
            <Link to="/account/access-log">See the access log</Link>
          </p>
        </section>
      )}
    </>
  );
}
