import type { KnowledgeFileInput } from "@parley/schema";
import ethiopia_tigray from "../../kb/actors/ethiopia-tigray.json";
import israel_gaza from "../../kb/actors/israel-gaza.json";
import israel_lebanon from "../../kb/actors/israel-lebanon.json";
import russia_ukraine from "../../kb/actors/russia-ukraine.json";
import sudan from "../../kb/actors/sudan.json";
import yemen from "../../kb/actors/yemen.json";
import igos from "../../kb/igos.json";
import titles from "../../kb/lexicons/titles.json";
import states from "../../kb/states.json";
import type { TitleEntry } from "./knowledge-base";

/** The knowledge files shipped with the package, in load order (later files extend earlier ones). */
export const SHIPPED_KNOWLEDGE = [states, igos, ethiopia_tigray, israel_gaza, israel_lebanon, russia_ukraine, sudan, yemen] as KnowledgeFileInput[];

export const SHIPPED_TITLES: TitleEntry[] = (titles as { titles: TitleEntry[] }).titles;
