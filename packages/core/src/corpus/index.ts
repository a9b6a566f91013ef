export * from "./clusters";
export * from "./dates";
export * from "./event-codes";
export * from "./hash";
export * from "./roles";
export * from "./stances";
export * from "./view";
