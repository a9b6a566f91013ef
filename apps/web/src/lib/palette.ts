/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/** Event types grouped so a chart needs few colours; each group keeps one Okabe–Ito colour. */
export const TYPE_GROUPS: Record<string, string> = {
  MEET: "Meetings & contacts",
  CALL: "Meetings & contacts",
  TRAVEL: "Meetings & contacts",
  MEDIATE: "Meetings & contacts",
  PROPOSE: "Proposals & demands",
  COUNTER_PROPOSE: "Proposals & demands",
  DEMAND: "Proposals & demands",
  APPEAL: "Statements",
  ASSESS: "Statements",
  SUPPORT: "Statements",
  ACCEPT: "Agreement",
  AGREE: "Agreement",
  CEASEFIRE: "Agreement",
  RELEASE: "Agreement",
  REJECT: "Rejection & hostility",
  ACCUSE: "Rejection & hostility",
  THREATEN: "Rejection & hostility",
  SUSPEND: "Rejection & hostility",
  RESUME: "Meetings & contacts",
  MILITARY: "Military",
  MOBILIZE: "Military",
  HUMANITARIAN: "Humanitarian",
};

export const GROUP_ORDER = [
  "Meetings & contacts",
  "Proposals & demands",
  "Agreement",
  "Rejection & hostility",
  "Statements",
  "Military",
  "Humanitarian",
];

export const GROUP_COLOR: Record<string, string> = Object.fromEntries(
  GROUP_ORDER.map((g, i) => [g, OKABE_ITO[i % OKABE_ITO.length]!]),
);

export const groupOf = (type: string) => TYPE_GROUPS[type] ?? "Statements";
export const colorOf = (type: string) => GROUP_COLOR[groupOf(type)] ?? "#000000";

/** Actor types → colours for the network. */
export const ACTOR_TYPE_COLOR: Record<string, string> = {
  STATE: "#0072B2",
  GOVERNMENT: "#56B4E9",
  ARMED_GROUP: "#D55E00",
  IGO: "#009E73",
  NGO: "#CC79A7",
  PERSON: "#E69F00",
  MEDIA: "#999999",
};

/** Relations in the network, each with a colour and a dash so colour is never the only cue. */
export const RELATION_STYLE: Record<string, { color: string; dash: "solid" | "dashed" | "dotted"; label: string }> = {
  meeting: { color: "#0072B2", dash: "solid", label: "met / talked" },
  proposal: { color: "#E69F00", dash: "dashed", label: "proposed / demanded" },
  agreement: { color: "#009E73", dash: "solid", label: "agreed / accepted" },
  rejection: { color: "#D55E00", dash: "dotted", label: "rejected" },
  accusation: { color: "#CC79A7", dash: "dotted", label: "accused / threatened" },
};

export const STATUS_LABEL: Record<string, string> = {
  occurred: "happened",
  planned: "planned",
  hypothetical: "hypothetical",
  negated: "did not happen",
};
