import type { KnowledgeFileInput } from "@parley/schema";
import titles from "../../kb/lexicons/titles.json";
import states from "../../kb/states.json";
import type { TitleEntry } from "./knowledge-base";

/** The knowledge files shipped with the package, in load order (later files extend earlier ones). */
export const SHIPPED_KNOWLEDGE: KnowledgeFileInput[] = [states as KnowledgeFileInput];

export const SHIPPED_TITLES: TitleEntry[] = (titles as { titles: TitleEntry[] }).titles;
