import { maxUnitsPerLine } from "./limits";

// Money and dates as the user's browser says they read them.

const locale = navigator.language || "en";
const money = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });

export const formatMoney = (cents: number) => money.format(cents / 100);
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));

const statusNames: Record<string, string> = {
  placed: "Placed",
  stockReserved: "Stock reserved",
  paid: "Paid",
  awaitingReview: "Awaiting pharmacist review",
  readyToShip: "Ready to ship",
  shipped: "Shipped",
  delivered: "Delivered",
  paymentFailed: "Payment failed",
  cancelled: "Cancelled",
  refunded: "Refunded",
  active: "Active",
  used: "Used",
  expired: "Expired",
};

export const statusName = (status: string) => statusNames[status] ?? status;

/** A whole number of units typed into a quantity box, or null when it is not one (an empty box is not 0). */
export function parseQuantity(text: string, min: number, max = maxUnitsPerLine): number | null {
  if (!/^\s*\d{1,4}\s*$/.test(text)) return null;
  const quantity = Number(text);
  return quantity >= min && quantity <= max ? quantity : null;
}

/** "4.95" or "4,95" euros as cents; null when it is not an amount. Parsed as text, so no float rounding. */
export function parseCents(text: string): number | null {
  const found = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!found) return null;
  return Number(found[1]) * 100 + Number((found[2] ?? "0").padEnd(2, "0"));
}

/** Cents as an editable amount ("4.95"). */
export const centsToText = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

const day = new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short" });

/** A calendar day from the API ("2026-12-03"), read at local noon so no time zone moves it to another day. */
export const formatDay = (isoDate: string) => day.format(new Date(`${isoDate}T12:00:00`));

/** A delivery window: "Thu 3 Dec – Mon 7 Dec". */
export const formatWindow = (window: { earliest: string; latest: string }) => `${formatDay(window.earliest)} – ${formatDay(window.latest)}`;

/** What patient and pharmacy both call an order: its number, or for orders from before numbers the start of its id. */
export const orderName = (order: { id: string; orderNumber?: string | null }) => `Order ${order.orderNumber ?? order.id.slice(0, 8)}`;
