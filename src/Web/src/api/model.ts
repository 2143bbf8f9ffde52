// The one file that names the contract's schemas: the rest of the app uses these names, so a renamed
// schema in contract/openapi.json means a change here only.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type Role = Schemas["Role"];
export type User = Schemas["UserView"];
export type Tokens = Schemas["TokenResponse"];
/** Every refusal of the API: RFC 9457 problem details, with per-field messages when the input was invalid. */
export type Problem = Schemas["HttpValidationProblemDetails"];
export type PatientMatch = Schemas["PatientMatch"];

export type Named = Schemas["Department"] | Schemas["Category"];

export type ThreadSummary = Schemas["ThreadSummary"];
export type Thread = Schemas["ThreadView"];
export type Answer = Schemas["AnswerView"];

export type Product = Schemas["ProductView"];
export type Prescription = Schemas["PrescriptionView"];
export type Cart = Schemas["CartView"];
export type CartLine = Schemas["CartLineView"];

export type Order = Schemas["OrderView"];
export type OrderStatus = Schemas["OrderStatus"];
export type PrescriptionStatus = Schemas["PrescriptionStatus"];

/** One page of a list: every paged answer of the API has this shape around its items. */
export type Paged<T> = Omit<Schemas["PagedResultOfProductView"], "items"> & { items: T[] };

/** The data of an order's server-sent "status" event: a step of its history, and the order's version after it. */
export type OrderStatusEvent = Schemas["StatusEvent"];

export type Notification = Schemas["NotificationView"];
export type NotificationKind = Schemas["NotificationKind"];
export type NotificationSettings = Schemas["NotificationSettings"];
/** The data of a "notification" event: what arrived, and the unread count after it. */
export type NotificationEvent = Schemas["NotificationEvent"];

export type SavedAddress = Schemas["SavedAddress"];
export type ShippingAddress = Schemas["ShippingAddress"];
export type Session = Schemas["SessionView"];
