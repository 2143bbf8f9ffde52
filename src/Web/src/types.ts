// The API's JSON shapes the app reads (shared/API.md plus the fields the Api adds).

export interface ThreadSummary {
  id: string;
  title: string;
  department: string;
  authorName: string;
  anonymous: boolean;
  createdAt: string;
  answerCount: number;
  hasAcceptedAnswer: boolean;
}

export interface Answer {
  id: string;
  doctorId: string;
  doctorName: string;
  body: string;
  createdAt: string;
  accepted: boolean;
  endorsements: number;
  endorsedByMe: boolean;
}

export interface Thread {
  id: string;
  title: string;
  body: string;
  department: string;
  authorName: string;
  anonymous: boolean;
  createdAt: string;
  answers: Answer[];
  followUps: { id: string; body: string; createdAt: string }[];
  acceptedAnswerId: string | null;
  askedByMe: boolean;
}

export interface Product {
  id: string;
  name: string;
  category: string;
  form: string;
  strength: string;
  description: string;
  priceCents: number;
  stock: number;
  requiresPrescription: boolean;
  controlled: boolean;
  maxPerOrder: number | null;
  updatedAt: string;
}

export interface Prescription {
  id: string;
  patientId: string | null;
  doctorId: string;
  doctorName: string;
  items: { productId: string; productName: string; quantity: number; remaining: number }[];
  issuedAt: string;
  expiresAt: string;
  status: "active" | "used" | "expired" | "cancelled";
  repeats: number;
  notes: string | null;
  threadId: string | null;
}

export interface CartLine {
  productId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  prescriptionId: string | null;
  requiresPrescription: boolean;
  available: boolean;
  problem: string | null;
}

export interface Cart {
  items: CartLine[];
  totalCents: number;
}

export type OrderStatus =
  "placed" | "stockReserved" | "paid" | "awaitingReview" | "readyToShip" | "shipped" | "delivered" | "paymentFailed" | "cancelled" | "refunded";

export interface Order {
  id: string;
  status: OrderStatus;
  totalCents: number;
  items: { productId: string; name: string; quantity: number; unitPriceCents: number; prescriptionId: string | null }[];
  shippingAddress: { name: string; line1: string; city: string; postalCode: string; country: string };
  trackingNumber: string | null;
  history: { status: OrderStatus; at: string; note: string | null; actorId: string | null }[];
  cardLast4: string;
  paymentId: string | null;
  createdAt: string;
  version: number;
}

/** One server-sent "status" event of an order. */
export interface StatusEvent {
  orderId: string;
  status: OrderStatus;
  at: string;
  note: string | null;
  trackingNumber: string | null;
  version: number;
}

export const finishedStatuses: OrderStatus[] = ["delivered", "paymentFailed", "cancelled", "refunded"];
export const cancellableStatuses: OrderStatus[] = ["placed", "stockReserved", "paid", "awaitingReview", "readyToShip"];
