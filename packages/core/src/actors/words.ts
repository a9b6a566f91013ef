/** Closed word classes the actor and event stages share. */
export const PREPOSITIONS = new Set([
  "in", "to", "from", "at", "into", "on", "near", "outside", "inside", "via", "toward", "towards", "across", "over",
  "through", "around", "within", "of", "for", "with", "by", "against", "between", "among", "about", "after", "before",
  "since", "until", "under", "beside", "alongside", "like", "than", "onto", "upon", "without", "despite",
]);
export const LOCATIVE_PREPOSITIONS = new Set(["in", "to", "from", "at", "into", "near", "outside", "inside", "via", "toward", "towards", "across", "over", "around", "within", "through", "for", "onto"]);
export const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any", "some", "both", "each", "every", "all", "two", "three"]);
export const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);
export const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

/** Nouns after a demonym or a state's possessive that stand for the state itself. */
export const STATE_NOUNS = new Set([
  "government", "governments", "authorities", "officials", "official", "sources", "source", "mediators", "mediator",
  "leaders", "leadership", "diplomats", "diplomat", "side", "administration", "security", "intelligence", "spokesman",
  "spokeswoman", "spokesperson", "envoy", "envoys", "negotiator", "forces", "troops", "soldiers", "jets", "warplanes",
  "aircraft", "strikes", "airstrikes", "air", "bombardment", "missiles", "missile", "drones", "army", "military", "navy",
  "police", "state", "regime", "presidency", "cabinet", "premier", "leader",
]);

/** Nouns naming a delegation of the preceding actor. */
export const DELEGATION_NOUNS = new Set(["delegation", "delegations", "negotiators", "negotiating"]);

/** Words that start a name but are never part of it. */
export const NAME_STOPWORDS = new Set([
  "the", "a", "an", "on", "in", "at", "but", "and", "or", "as", "after", "before", "while", "when", "if", "under",
  "since", "amid", "despite", "according", "speaking", "asked", "citing", "calling", "also", "meanwhile", "however",
  "hours", "first", "last", "live", "latest", "photo", "ms", "mr", "mrs", "dr", "former", "senior", "top", "then",
  "it", "its", "he", "she", "they", "we", "our", "his", "her", "their", "this", "that", "these", "those", "there",
  "with", "for", "from", "by", "to", "of", "not", "no", "so", "all", "both", "some", "other", "any", "each", "one",
  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "recent", "under", "in",
]);

/** Honorifics and ranks written before a person's name. */
export const HONORIFICS = new Set([
  "mr", "mrs", "ms", "dr", "sheikh", "shaikh", "mullah", "prince", "king", "queen", "emir", "general", "gen", "lt",
  "maj", "col", "colonel", "president", "minister", "ayatollah", "chancellor", "premier", "sir", "lord", "sen", "senator",
  "rep", "gov", "governor", "judge", "justice", "admiral", "commander", "marshal", "field",
]);
