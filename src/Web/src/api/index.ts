// The API as pages use it, in one import: the typed client, queries, the session, errors, and the
// contract's types under the app's names.
export * from "./account";
export * from "./ApiError";
export * from "./client";
export * from "./model";
export * from "./network";
export * from "./orderEvents";
export * from "./queries";
export * from "./reference";
export * from "./session";
