// The one file that names the contract's schemas: the rest of the app uses these names, so a renamed
// schema in contract/openapi.json means a change here only.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type Role = Schemas["Role"];
export type User = Schemas["UserResponse"];
export type Tokens = Schemas["TokenResponse"];

export type Named = Schemas["DepartmentResponse"] | Schemas["CategoryResponse"];

export type ThreadSummary = Schemas["ThreadSummaryResponse"];
export type Thread = Schemas["ThreadResponse"];
export type Answer = Schemas["AnswerResponse"];

export type Product = Schemas["ProductResponse"];
export type Prescription = Schemas["PrescriptionResponse"];
export type Cart = Schemas["CartResponse"];
export type CartLine = Schemas["CartLineResponse"];

export type Order = Schemas["OrderResponse"];
export type OrderStatus = Schemas["OrderStatus"];
export type PrescriptionStatus = Schemas["PrescriptionStatus"];

/** One page of a list: every paged answer of the API has this shape around its items. */
export type Paged<T> = Omit<Schemas["PagedOfProductResponse"], "items"> & { items: T[] };

/**
 * The data of an order's server-sent "status" event. The contract does not describe the stream's
 * events yet; the app reads only the version (how many steps of the history the event follows).
 */
export type OrderStatusEvent = Pick<Order, "status" | "version" | "trackingNumber">;
