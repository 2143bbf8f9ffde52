import { type OrderStatus } from "./api";

export const finishedStatuses: OrderStatus[] = ["delivered", "paymentFailed", "cancelled", "refunded"];
export const cancellableStatuses: OrderStatus[] = ["placed", "stockReserved", "paid", "awaitingReview", "readyToShip"];
