import type { NotificationKind } from "./api";

/** Each kind of notification in people's words, and who gets it, for the settings table. */
export const notificationKinds: { kind: NotificationKind; label: string; roles: string[] }[] = [
  { kind: "questionAnswered", label: "A doctor answered my question", roles: ["patient"] },
  { kind: "prescriptionIssued", label: "A prescription was issued to me", roles: ["patient"] },
  { kind: "orderPaid", label: "My order was paid", roles: ["patient"] },
  { kind: "orderAwaitingReview", label: "My order waits for a pharmacist", roles: ["patient"] },
  { kind: "orderRejected", label: "My order was not approved", roles: ["patient"] },
  { kind: "orderShipped", label: "My order was sent", roles: ["patient"] },
  { kind: "orderDelivered", label: "My order was delivered", roles: ["patient"] },
  { kind: "orderRefunded", label: "My order was refunded", roles: ["patient"] },
  { kind: "orderPaymentFailed", label: "A payment did not go through", roles: ["patient"] },
  { kind: "followUp", label: "A follow-up on a question I answered", roles: ["doctor"] },
  { kind: "answerAccepted", label: "My answer was accepted", roles: ["doctor"] },
  { kind: "answerEndorsed", label: "A doctor endorsed my answer", roles: ["doctor"] },
  { kind: "doctorVerified", label: "My licence was verified", roles: ["doctor"] },
  { kind: "reviewQueue", label: "Orders wait for review (a digest)", roles: ["pharmacist"] },
];

export const kindLabel = (kind: NotificationKind) => notificationKinds.find((k) => k.kind === kind)?.label ?? kind;
