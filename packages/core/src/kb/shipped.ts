import type { KnowledgeFileInput } from "@parley/schema";
import armenia_azerbaijan from "../../kb/actors/armenia-azerbaijan.json";
import colombia from "../../kb/actors/colombia.json";
import drc_m23 from "../../kb/actors/drc-m23.json";
import ethiopia_tigray from "../../kb/actors/ethiopia-tigray.json";
import iran_nuclear from "../../kb/actors/iran-nuclear.json";
import israel_gaza from "../../kb/actors/israel-gaza.json";
import israel_lebanon from "../../kb/actors/israel-lebanon.json";
import russia_ukraine from "../../kb/actors/russia-ukraine.json";
import saudi_iran_china from "../../kb/actors/saudi-iran-china.json";
import serbia_kosovo from "../../kb/actors/serbia-kosovo.json";
import sudan from "../../kb/actors/sudan.json";
import us_taliban_afghanistan from "../../kb/actors/us-taliban-afghanistan.json";
import yemen from "../../kb/actors/yemen.json";
import igos from "../../kb/igos.json";
import titles from "../../kb/lexicons/titles.json";
import places from "../../kb/places.json";
import states from "../../kb/states.json";
import type { TitleEntry } from "./knowledge-base";

/** The knowledge files shipped with the package, in load order (later files extend earlier ones). */
export const SHIPPED_KNOWLEDGE = [
  states,
  places,
  igos,
  armenia_azerbaijan,
  colombia,
  drc_m23,
  ethiopia_tigray,
  iran_nuclear,
  israel_gaza,
  israel_lebanon,
  russia_ukraine,
  saudi_iran_china,
  serbia_kosovo,
  sudan,
  us_taliban_afghanistan,
  yemen,
] as KnowledgeFileInput[];

export const SHIPPED_TITLES: TitleEntry[] = (titles as { titles: TitleEntry[] }).titles;
