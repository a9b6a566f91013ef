import type { KnowledgeFileInput } from "@parley/schema";
import { buildKnowledgeBase, type KnowledgeBase } from "./knowledge-base";
import { SHIPPED_KNOWLEDGE, SHIPPED_TITLES } from "./shipped";

export { KnowledgeBase, type TitleEntry } from "./knowledge-base";

let shipped: KnowledgeBase | null = null;
const withExtras = new WeakMap<KnowledgeFileInput[], KnowledgeBase>();

/** The shipped knowledge base, built once; with user files, one per distinct array of files. */
export function knowledgeBase(extra?: KnowledgeFileInput[]): KnowledgeBase {
  if (!extra || extra.length === 0) {
    shipped ??= buildKnowledgeBase(SHIPPED_KNOWLEDGE, SHIPPED_TITLES);
    return shipped;
  }
  let kb = withExtras.get(extra);
  if (!kb) {
    kb = buildKnowledgeBase(SHIPPED_KNOWLEDGE, SHIPPED_TITLES, extra);
    withExtras.set(extra, kb);
  }
  return kb;
}
