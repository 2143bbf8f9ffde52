// Limits the API enforces too, stated once for the forms that help people keep within them.

/** The most units of one medicine in the cart (and so in one order). */
export const maxUnitsPerLine = 100;

/** The largest page of a list the API serves. */
export const maxPageSize = 100;

/** The most shipping addresses a patient keeps. */
export const maxSavedAddresses = 10;
