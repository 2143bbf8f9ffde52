import { api } from "./api";

/** How long checkout waits to learn whether the card was taken; the payment service answers in well under a second. */
const patience = 8000;
const every = 250;

/**
 * Waits for a just-placed order to get past its payment. The reason the card was declined, or null
 * once it was charged, or when no answer came in time (the order page then follows it live).
 */
export async function paymentOutcome(orderId: string): Promise<string | null> {
  const until = Date.now() + patience;
  while (Date.now() < until) {
    try {
      const { data: order } = await api.GET("/api/orders/{id}", { params: { path: { id: orderId } } });
      if (order!.status === "paymentFailed") return order!.history[order!.history.length - 1]?.note ?? "The card was not accepted.";
      if (order!.status !== "placed" && order!.status !== "stockReserved") return null;
    } catch {
      // The order exists; its own page says how it goes.
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return null;
}
