import { statusName } from "../format";
import { type OrderStatus } from "../api";

const tone: Partial<Record<OrderStatus, string>> = {
  shipped: "badge-ok",
  delivered: "badge-ok",
  paymentFailed: "badge-stop",
  cancelled: "badge-muted",
  refunded: "badge-muted",
  awaitingReview: "badge-rx",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`badge ${tone[status] ?? "badge-info"}`} data-status={status}>
      {statusName(status)}
    </span>
  );
}
