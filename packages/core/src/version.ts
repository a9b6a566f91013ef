/** Stamped on every event so stored data can be re-analysed after an engine or knowledge-base upgrade. */
export const EXTRACTOR_VERSION = "0.2.1";
