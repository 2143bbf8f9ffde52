import { Link, useSearchParams } from "react-router";
import { $api, useApiQuery } from "../api";
import { DataTable } from "../components/DataTable";
import { PagedResults } from "../components/PagedResults";
import { formatDateTime } from "../format";
import { pageFrom, withQuery } from "../query";
import { usePageTitle } from "../usePageTitle";

/** The audit log's actions, in the words a patient reads them. */
const actions: Record<string, string> = {
  "prescription.issued": "issued a prescription for you",
  "prescription.viewed": "opened your prescription",
  "prescription.listed": "saw your prescription in a list",
  "prescription.cancelled": "cancelled your prescription",
  "order.viewed": "opened your order",
  "order.listed": "saw your order in the pharmacy queue",
  "order.approved": "approved your order after checking the prescription",
  "order.rejected": "rejected your order",
  "order.shipped": "shipped your order",
  "order.delivered": "marked your order delivered",
  "forum.thread.anonymous.viewed": "opened your anonymous question",
  "forum.thread.anonymous.listed": "saw your anonymous question in a list",
  "patient.looked-up": "looked you up to prescribe",
};

const roles: Record<string, string> = { doctor: "Doctor", pharmacist: "Pharmacist", admin: "Administrator", patient: "Patient" };

/** Who read or changed the patient's health data: staff and doctors, never the patient themselves. */
export function AccessLog() {
  usePageTitle("Who saw your health data");
  const [search] = useSearchParams();
  const page = pageFrom(search);
  const log = useApiQuery($api.queryOptions("get", "/api/me/access-log", { params: { query: { page } } }));
  return (
    <>
      <h1>Who saw your health data</h1>
      <p>
        Every time a doctor, pharmacist or administrator opens or changes one of your prescriptions, orders or anonymous questions, it is recorded here. Your
        own views are not listed. See also <Link to="/account/privacy">your data and privacy</Link>.
      </p>
      <PagedResults
        result={log}
        loading="Loading the access log"
        empty={<>Nobody but you has seen your health data yet.</>}
        hrefFor={(p) => withQuery("/account/access-log", { page: p })}
      >
        {(items) => (
          <DataTable caption="Access to your health data" columns={["When", "Who", "What"]}>
            {items.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{formatDateTime(entry.at)}</td>
                <td>
                  {entry.actorRole ? `${roles[entry.actorRole]} ` : ""}
                  {entry.actorName}
                </td>
                <td>{actions[entry.action] ?? entry.action}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedResults>
    </>
  );
}
