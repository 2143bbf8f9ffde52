import { Link, useSearchParams } from "react-router";
import { api, type Prescription, $api, invalidate, useApiQuery, useUser } from "../api";
import { PagedResults } from "../components/PagedResults";
import { FormError } from "../components/Status";
import { formatDate, statusName } from "../format";
import { pageFrom, withQuery } from "../query";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function Prescriptions() {
  const user = useUser();
  usePageTitle(user?.role === "doctor" ? "Issued prescriptions" : "My prescriptions");
  const [search] = useSearchParams();
  const page = pageFrom(search);
  const list = useApiQuery($api.queryOptions("get", "/api/prescriptions", { params: { query: { page } } }));
  const doctor = user?.role === "doctor";
  return (
    <>
      <div className="page-head">
        <h1>{doctor ? "Issued prescriptions" : "My prescriptions"}</h1>
        {doctor && user?.verified && (
          <Link to="/prescriptions/new" className="button">
            Write a prescription
          </Link>
        )}
      </div>
      <PagedResults
        result={list}
        loading="Loading prescriptions"
        empty={doctor ? "You have not issued a prescription yet." : "You have no prescriptions. A verified doctor can prescribe after answering your question."}
        hrefFor={(p) => withQuery("/prescriptions", { page: p })}
      >
        {(items) => (
          <ul className="cards">
            {items.map((rx) => (
              <PrescriptionCard key={rx.id} prescription={rx} doctor={doctor} />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}

function PrescriptionCard({ prescription: rx, doctor }: { prescription: Prescription; doctor: boolean }) {
  const { busy, error, run } = useAction();
  const withdraw = () =>
    run(async () => {
      if (!window.confirm("Withdraw this prescription? The patient can no longer buy against it.")) return;
      await api.POST("/api/prescriptions/{id}/cancel", { params: { path: { id: rx.id } } });
      await invalidate("/api/prescriptions", "/api/prescriptions/{id}");
    });
  const active = rx.status === "active";
  return (
    <li className="card">
      <h2 className="card-title">
        {doctor ? (rx.patientId ? `For ${rx.patientName ?? "a patient"}` : "For an anonymous forum patient") : `From ${rx.doctorName}`}
        <span className={active ? "badge badge-ok" : "badge badge-muted"}>{statusName(rx.status)}</span>
      </h2>
      <p className="meta">
        Issued {formatDate(rx.issuedAt)} · valid until {formatDate(rx.expiresAt)}
        {rx.repeats > 0 && ` · ${rx.repeats} repeat${rx.repeats === 1 ? "" : "s"}`}
        {rx.threadId && (
          <>
            {" · "}
            <Link to={`/forum/threads/${rx.threadId}`}>forum question</Link>
          </>
        )}
      </p>
      <ul>
        {rx.items.map((item) => (
          <li key={item.productId}>
            {!doctor && active && item.remaining > 0 ? (
              <Link to={`/medicines/${item.productId}?prescription=${encodeURIComponent(rx.id)}`}>{item.productName}</Link>
            ) : (
              item.productName
            )}{" "}
            — {item.quantity} per fill, {item.remaining} left to buy
          </li>
        ))}
      </ul>
      {rx.notes && <p className="post-body">{rx.notes}</p>}
      {doctor && active && (
        <button type="button" className="button-small button-danger" disabled={busy} onClick={withdraw}>
          Withdraw
        </button>
      )}
      <FormError error={error} />
    </li>
  );
}
