/**
 * Vocabularies for the synthetic corpus, written for Parley. Leaders' names and titles are public facts used as
 * realistic surface forms; every statement the generator builds from them is invented. Outlets are fictional.
 */

export interface Person {
  /** Full name as first mentioned. */
  name: string;
  /** Title used before the name ("Foreign Minister"). */
  title: string;
  /** Surname (or the short form used on later mentions). */
  short: string;
  pronoun: "he" | "she";
  /** True when the title is complete as written; otherwise the party's adjective is put before it. */
  bare: boolean;
}

export interface Party {
  /** Name used as a subject ("Israel", "the Rapid Support Forces"). */
  name: string;
  /** Headline form, without a leading article ("RSF"). */
  short: string;
  plural: boolean;
  kind: "state" | "armed" | "igo" | "government";
  /** Adjective or attributive form ("Israeli", "RSF"). */
  adj: string;
  people: Person[];
  /** Where its officials speak from, used for datelines. */
  seat: string;
}

export interface Conflict {
  id: string;
  /** Headline label ("Gaza", "Ukraine"). */
  label: string;
  /** Noun phrase for the war or dispute ("the war in Gaza"). */
  war: string;
  /** Month and year the current phase began, for context sentences. */
  since: string;
  sides: [Party[], Party[]];
  mediators: Party[];
  venues: string[];
  places: string[];
  /** Noun phrases for the issues on the table. */
  issues: string[];
  /** Noun phrases for proposals ("a phased ceasefire plan"). */
  proposals: string[];
  /** What gets released: [plural noun held by side A, plural noun held by side B]. */
  captives: [string, string];
  /** Where aid goes in ("through the Rafah crossing"). */
  aidRoutes: string[];
  /** Plural nouns for attacks ("drone strikes"). */
  attacks: string[];
  /** Threat verb phrases, bare infinitive. */
  threats: string[];
}

const p = (title: string, name: string, pronoun: "he" | "she" = "he", short?: string, bare = false): Person => ({
  name,
  title,
  short: short ?? name.split(" ").slice(-1)[0]!,
  pronoun,
  bare,
});

// ---------------------------------------------------------------- shared mediators and organisations

const UN: Party = {
  name: "the United Nations",
  short: "UN",
  plural: false,
  kind: "igo",
  adj: "UN",
  people: [p("Secretary-General", "Antonio Guterres"), p("humanitarian chief", "Tom Fletcher")],
  seat: "New York",
};
const US: Party = {
  name: "the United States",
  short: "US",
  plural: false,
  kind: "state",
  adj: "US",
  people: [
    p("Secretary of State", "Marco Rubio"),
    p("special envoy", "Steve Witkoff"),
    p("State Department spokesperson", "Tammy Bruce", "she"),
  ],
  seat: "Washington",
};
const QATAR: Party = {
  name: "Qatar",
  short: "Qatar",
  plural: false,
  kind: "state",
  adj: "Qatari",
  people: [
    p("Prime Minister", "Mohammed bin Abdulrahman Al Thani", "he", "Al Thani"),
    p("foreign ministry spokesperson", "Majed al-Ansari", "he", "al-Ansari"),
  ],
  seat: "Doha",
};
const EGYPT: Party = {
  name: "Egypt",
  short: "Egypt",
  plural: false,
  kind: "state",
  adj: "Egyptian",
  people: [p("President", "Abdel Fattah al-Sisi", "he", "Sisi"), p("Foreign Minister", "Badr Abdelatty")],
  seat: "Cairo",
};
const TURKEY: Party = {
  name: "Turkey",
  short: "Turkey",
  plural: false,
  kind: "state",
  adj: "Turkish",
  people: [p("President", "Recep Tayyip Erdogan"), p("Foreign Minister", "Hakan Fidan")],
  seat: "Ankara",
};
const SAUDI: Party = {
  name: "Saudi Arabia",
  short: "Saudi Arabia",
  plural: false,
  kind: "state",
  adj: "Saudi",
  people: [p("Foreign Minister", "Prince Faisal bin Farhan", "he", "Prince Faisal")],
  seat: "Riyadh",
};
const OMAN: Party = {
  name: "Oman",
  short: "Oman",
  plural: false,
  kind: "state",
  adj: "Omani",
  people: [p("Foreign Minister", "Badr Albusaidi", "he", "Albusaidi")],
  seat: "Muscat",
};
const AU: Party = {
  name: "the African Union",
  short: "AU",
  plural: false,
  kind: "igo",
  adj: "African Union",
  people: [p("Commission chairperson", "Mahmoud Ali Youssouf", "he", "Youssouf")],
  seat: "Addis Ababa",
};
const EU: Party = {
  name: "the European Union",
  short: "EU",
  plural: false,
  kind: "igo",
  adj: "EU",
  people: [
    p("foreign policy chief", "Kaja Kallas", "she", undefined),
    p("European Council President", "Antonio Costa", "he", undefined, true),
  ],
  seat: "Brussels",
};
const NORWAY: Party = {
  name: "Norway",
  short: "Norway",
  plural: false,
  kind: "state",
  adj: "Norwegian",
  people: [p("Foreign Minister", "Espen Barth Eide", "he", "Eide")],
  seat: "Oslo",
};
const ICRC: Party = {
  name: "the International Committee of the Red Cross",
  short: "Red Cross",
  plural: false,
  kind: "igo",
  adj: "Red Cross",
  people: [p("President", "Mirjana Spoljaric", "she")],
  seat: "Geneva",
};

// ---------------------------------------------------------------- conflicts

export const CONFLICTS: Conflict[] = [
  {
    id: "gaza",
    label: "Gaza",
    war: "the war in Gaza",
    since: "October 2023",
    sides: [
      [
        {
          name: "Israel",
          short: "Israel",
          plural: false,
          kind: "state",
          adj: "Israeli",
          people: [p("Prime Minister", "Benjamin Netanyahu"), p("Foreign Minister", "Gideon Saar")],
          seat: "Jerusalem",
        },
      ],
      [
        {
          name: "Hamas",
          short: "Hamas",
          plural: false,
          kind: "armed",
          adj: "Hamas",
          people: [
            p("senior Hamas official", "Basem Naim"),
            p("Hamas negotiator", "Khalil al-Hayya", "he", "al-Hayya"),
          ],
          seat: "Doha",
        },
      ],
    ],
    mediators: [QATAR, EGYPT, US, UN],
    venues: ["Doha", "Cairo", "Sharm el-Sheikh", "Paris"],
    places: ["Rafah", "Khan Younis", "Gaza City", "Deir al-Balah", "Jabalia"],
    issues: [
      "a full withdrawal of Israeli troops from Gaza",
      "a permanent end to the fighting",
      "the reopening of the Rafah crossing",
      "the return of displaced families to northern Gaza",
      "international guarantees for the truce",
      "a timetable for reconstruction",
    ],
    proposals: [
      "a phased ceasefire plan",
      "a 60-day truce proposal",
      "a hostage-for-prisoner exchange framework",
      "a revised bridging proposal",
    ],
    captives: ["Palestinian prisoners", "hostages"],
    aidRoutes: ["through the Kerem Shalom crossing", "through the Rafah crossing", "into northern Gaza"],
    attacks: ["air strikes", "drone strikes", "artillery barrages"],
    threats: ["expand its ground operation", "walk away from the negotiations", "halt the exchange of captives"],
  },
  {
    id: "ukraine",
    label: "Ukraine",
    war: "the war in Ukraine",
    since: "February 2022",
    sides: [
      [
        {
          name: "Ukraine",
          short: "Ukraine",
          plural: false,
          kind: "state",
          adj: "Ukrainian",
          people: [p("President", "Volodymyr Zelensky"), p("Foreign Minister", "Andrii Sybiha")],
          seat: "Kyiv",
        },
      ],
      [
        {
          name: "Russia",
          short: "Russia",
          plural: false,
          kind: "state",
          adj: "Russian",
          people: [
            p("President", "Vladimir Putin"),
            p("Foreign Minister", "Sergei Lavrov"),
            p("Kremlin spokesman", "Dmitry Peskov", "he", undefined, true),
          ],
          seat: "Moscow",
        },
      ],
    ],
    mediators: [TURKEY, SAUDI, US, UN, { ...QATAR }],
    venues: ["Istanbul", "Riyadh", "Jeddah", "Geneva", "Abu Dhabi"],
    places: ["Zaporizhzhia", "Kharkiv", "the Donetsk region", "Odesa", "Kherson", "Pokrovsk"],
    issues: [
      "a halt to strikes on energy infrastructure",
      "security guarantees for Ukraine",
      "the return of deported children",
      "safe navigation in the Black Sea",
      "control of the Zaporizhzhia nuclear plant",
      "the easing of sanctions",
    ],
    proposals: ["a 30-day ceasefire proposal", "a draft memorandum on a settlement", "a plan for a partial truce"],
    captives: ["prisoners of war", "Ukrainian prisoners of war"],
    aidRoutes: ["to front-line towns in the east", "to villages near Kharkiv"],
    attacks: ["missile strikes", "drone attacks", "glide-bomb attacks"],
    threats: ["intensify its offensive", "target the capital's energy grid", "pull out of the prisoner exchanges"],
  },
  {
    id: "sudan",
    label: "Sudan",
    war: "the war in Sudan",
    since: "April 2023",
    sides: [
      [
        {
          name: "the Sudanese army",
          short: "Sudan's army",
          plural: false,
          kind: "armed",
          adj: "army",
          people: [p("army chief General", "Abdel Fattah al-Burhan", "he", "Burhan")],
          seat: "Port Sudan",
        },
      ],
      [
        {
          name: "the Rapid Support Forces",
          short: "RSF",
          plural: true,
          kind: "armed",
          adj: "RSF",
          people: [p("RSF commander", "Mohamed Hamdan Dagalo", "he", "Dagalo")],
          seat: "Nyala",
        },
      ],
    ],
    mediators: [SAUDI, US, AU, EGYPT],
    venues: ["Jeddah", "Geneva", "Addis Ababa", "Cairo"],
    places: ["El Fasher", "Omdurman", "North Darfur", "Kordofan", "Khartoum"],
    issues: [
      "the protection of civilians in El Fasher",
      "unimpeded humanitarian access",
      "the withdrawal of fighters from residential areas",
      "a nationwide cessation of hostilities",
      "a monitoring mechanism for the truce",
    ],
    proposals: ["a humanitarian truce proposal", "a draft declaration of principles", "a three-month ceasefire plan"],
    captives: ["detained civilians", "captured soldiers"],
    aidRoutes: ["through the Adre border crossing", "into North Darfur", "to displacement camps near El Fasher"],
    attacks: ["drone strikes", "artillery strikes", "air raids"],
    threats: ["storm the besieged city", "boycott the talks", "block aid convoys"],
  },
  {
    id: "yemen",
    label: "Yemen",
    war: "the conflict in Yemen",
    since: "2014",
    sides: [
      [
        {
          name: "the Yemeni government",
          short: "Yemen's government",
          plural: false,
          kind: "government",
          adj: "Yemeni",
          people: [p("Presidential Leadership Council chairman", "Rashad al-Alimi", "he", "Alimi")],
          seat: "Aden",
        },
        SAUDI,
      ],
      [
        {
          name: "the Houthis",
          short: "Houthis",
          plural: true,
          kind: "armed",
          adj: "Houthi",
          people: [p("Houthi spokesman", "Mohammed Abdulsalam", "he", "Abdulsalam")],
          seat: "Sanaa",
        },
      ],
    ],
    mediators: [OMAN, UN, { ...US }],
    venues: ["Muscat", "Riyadh", "Geneva", "Amman"],
    places: ["Hodeidah", "Marib", "Taiz", "Sanaa", "the Red Sea coast"],
    issues: [
      "the payment of public sector salaries",
      "the reopening of roads around Taiz",
      "flights from Sanaa airport",
      "the release of all detainees",
      "an end to attacks on shipping",
    ],
    proposals: ["a UN roadmap for peace", "a draft prisoner exchange list", "an economic de-escalation plan"],
    captives: ["detainees", "prisoners"],
    aidRoutes: ["through the port of Hodeidah", "to districts around Taiz"],
    attacks: ["missile attacks", "air strikes", "drone attacks"],
    threats: ["resume attacks on commercial shipping", "end the truce", "escalate on the Marib front"],
  },
  {
    id: "ethiopia",
    label: "Ethiopia",
    war: "the Tigray conflict",
    since: "November 2020",
    sides: [
      [
        {
          name: "the Ethiopian government",
          short: "Ethiopia",
          plural: false,
          kind: "government",
          adj: "Ethiopian",
          people: [p("Prime Minister", "Abiy Ahmed", "he", "Abiy")],
          seat: "Addis Ababa",
        },
      ],
      [
        {
          name: "the Tigray People's Liberation Front",
          short: "TPLF",
          plural: false,
          kind: "armed",
          adj: "TPLF",
          people: [
            p("TPLF chairman", "Debretsion Gebremichael"),
            p("former Tigray interim leader", "Getachew Reda", "he", "Getachew", true),
          ],
          seat: "Mekelle",
        },
      ],
    ],
    mediators: [AU, { ...US }, UN],
    venues: ["Pretoria", "Nairobi", "Addis Ababa", "Mekelle"],
    places: ["Tigray", "western Tigray", "the Amhara region", "the Afar region"],
    issues: [
      "the disarmament of Tigrayan fighters",
      "the return of displaced people to western Tigray",
      "the withdrawal of Eritrean troops",
      "the restoration of federal services in Tigray",
    ],
    proposals: ["a framework for implementing the Pretoria accord", "a disarmament timetable"],
    captives: ["detained fighters", "political prisoners"],
    aidRoutes: ["into Tigray", "to camps in the Afar region"],
    attacks: ["drone strikes", "ground attacks", "artillery strikes"],
    threats: ["suspend its commitments under the accord", "resume military operations"],
  },
  {
    id: "colombia",
    label: "Colombia",
    war: "Colombia's armed conflict",
    since: "the 1960s",
    sides: [
      [
        {
          name: "the Colombian government",
          short: "Colombia",
          plural: false,
          kind: "government",
          adj: "Colombian",
          people: [p("President", "Gustavo Petro"), p("government negotiator", "Vera Grabe", "she")],
          seat: "Bogota",
        },
      ],
      [
        {
          name: "the National Liberation Army",
          short: "ELN",
          plural: false,
          kind: "armed",
          adj: "ELN",
          people: [p("ELN commander", "Antonio Garcia"), p("ELN negotiator", "Pablo Beltran")],
          seat: "Havana",
        },
        {
          name: "the Central General Staff",
          short: "EMC",
          plural: false,
          kind: "armed",
          adj: "dissident",
          people: [p("dissident commander", "Ivan Mordisco")],
          seat: "Cauca",
        },
      ],
    ],
    mediators: [NORWAY, { ...UN }],
    venues: ["Havana", "Caracas", "Mexico City", "Bogota"],
    places: ["Catatumbo", "Cauca", "Arauca", "Choco"],
    issues: [
      "an end to kidnappings for ransom",
      "the participation of civil society in the talks",
      "a bilateral ceasefire",
      "the protection of social leaders",
      "the demobilisation of fighters",
    ],
    proposals: ["a six-month ceasefire proposal", "a draft agenda for the next round", "a pilot plan for local zones"],
    captives: ["kidnapped civilians", "hostages"],
    aidRoutes: ["to displaced families in Catatumbo", "to rural communities in Cauca"],
    attacks: ["attacks", "ambushes", "explosive-drone attacks"],
    threats: ["freeze the negotiations", "end the ceasefire", "resume offensive operations"],
  },
  {
    id: "drc",
    label: "Congo",
    war: "the conflict in eastern Congo",
    since: "2021",
    sides: [
      [
        {
          name: "Congo",
          short: "Congo",
          plural: false,
          kind: "state",
          adj: "Congolese",
          people: [
            p("President", "Felix Tshisekedi"),
            p("Foreign Minister", "Therese Kayikwamba Wagner", "she", "Wagner"),
          ],
          seat: "Kinshasa",
        },
      ],
      [
        {
          name: "the M23 rebels",
          short: "M23",
          plural: true,
          kind: "armed",
          adj: "M23",
          people: [p("rebel leader", "Corneille Nangaa"), p("M23 spokesman", "Lawrence Kanyuka")],
          seat: "Goma",
        },
        {
          name: "Rwanda",
          short: "Rwanda",
          plural: false,
          kind: "state",
          adj: "Rwandan",
          people: [p("President", "Paul Kagame"), p("Foreign Minister", "Olivier Nduhungirehe")],
          seat: "Kigali",
        },
      ],
    ],
    mediators: [{ ...QATAR }, { ...US }, AU],
    venues: ["Doha", "Washington", "Luanda", "Nairobi"],
    places: ["Goma", "Bukavu", "North Kivu", "South Kivu", "Uvira"],
    issues: [
      "the withdrawal of Rwandan troops",
      "the return of refugees",
      "control of mining areas",
      "the neutralisation of armed groups",
      "the reopening of Goma airport",
    ],
    proposals: ["a declaration of principles", "a draft peace accord", "a regional economic framework"],
    captives: ["prisoners", "detained soldiers"],
    aidRoutes: ["into Goma", "to camps around Bukavu"],
    attacks: ["attacks", "bombardments", "mortar attacks"],
    threats: ["advance on Uvira", "withdraw from the Doha process", "push further south"],
  },
  {
    id: "caucasus",
    label: "Armenia-Azerbaijan",
    war: "the dispute between Armenia and Azerbaijan",
    since: "the early 1990s",
    sides: [
      [
        {
          name: "Armenia",
          short: "Armenia",
          plural: false,
          kind: "state",
          adj: "Armenian",
          people: [p("Prime Minister", "Nikol Pashinyan"), p("Foreign Minister", "Ararat Mirzoyan")],
          seat: "Yerevan",
        },
      ],
      [
        {
          name: "Azerbaijan",
          short: "Azerbaijan",
          plural: false,
          kind: "state",
          adj: "Azerbaijani",
          people: [p("President", "Ilham Aliyev"), p("Foreign Minister", "Jeyhun Bayramov")],
          seat: "Baku",
        },
      ],
    ],
    mediators: [{ ...EU }, { ...US }],
    venues: ["Washington", "Brussels", "Abu Dhabi", "Almaty"],
    places: ["the Tavush region", "Nakhchivan", "border areas near Syunik"],
    issues: [
      "the delimitation of the border",
      "transit routes through southern Armenia",
      "changes to the Armenian constitution",
      "the withdrawal of observers from the border",
    ],
    proposals: ["a draft peace treaty", "a border commission plan", "a transit corridor arrangement"],
    captives: ["detainees", "prisoners"],
    aidRoutes: ["to border villages"],
    attacks: ["artillery strikes", "sniper attacks", "drone strikes"],
    threats: ["suspend the border talks", "withdraw from the treaty process"],
  },
  {
    id: "iran",
    label: "Iran nuclear",
    war: "the dispute over Iran's nuclear programme",
    since: "2018",
    sides: [
      [
        {
          name: "Iran",
          short: "Iran",
          plural: false,
          kind: "state",
          adj: "Iranian",
          people: [p("Foreign Minister", "Abbas Araghchi"), p("President", "Masoud Pezeshkian")],
          seat: "Tehran",
        },
      ],
      [
        US,
        {
          name: "the E3",
          short: "E3",
          plural: false,
          kind: "igo",
          adj: "European",
          people: [p("French Foreign Minister", "Jean-Noel Barrot", "he", undefined, true)],
          seat: "Paris",
        },
      ],
    ],
    mediators: [OMAN, { ...QATAR }],
    venues: ["Muscat", "Rome", "Vienna", "Geneva", "Oslo"],
    places: ["Fordow", "Natanz", "Isfahan", "Tehran"],
    issues: [
      "limits on uranium enrichment",
      "the return of international inspectors",
      "sanctions relief",
      "the fate of the enriched uranium stockpile",
      "guarantees against renewed strikes",
    ],
    proposals: [
      "a draft framework for a nuclear deal",
      "an interim arrangement on enrichment",
      "a regional consortium plan",
    ],
    captives: ["detained foreign nationals", "prisoners"],
    aidRoutes: ["to quake-hit provinces"],
    attacks: ["air strikes", "missile strikes", "sabotage attacks"],
    threats: ["leave the Non-Proliferation Treaty", "reimpose UN sanctions", "restrict inspections further"],
  },
  {
    id: "afghanistan",
    label: "Afghanistan-Pakistan",
    war: "the conflict along the Afghan-Pakistani border",
    since: "2021",
    sides: [
      [
        {
          name: "the Taliban administration",
          short: "Taliban",
          plural: false,
          kind: "government",
          adj: "Taliban",
          people: [p("acting Foreign Minister", "Amir Khan Muttaqi"), p("Taliban spokesman", "Zabihullah Mujahid")],
          seat: "Kabul",
        },
      ],
      [
        {
          name: "Pakistan",
          short: "Pakistan",
          plural: false,
          kind: "state",
          adj: "Pakistani",
          people: [p("Defence Minister", "Khawaja Asif"), p("Foreign Minister", "Ishaq Dar")],
          seat: "Islamabad",
        },
      ],
    ],
    mediators: [{ ...QATAR }, { ...TURKEY }],
    venues: ["Doha", "Istanbul", "Kabul", "Islamabad"],
    places: ["the Torkham crossing", "Kandahar", "Khost", "the Kurram district"],
    issues: [
      "action against militants operating across the border",
      "the reopening of border crossings",
      "the treatment of Afghan refugees",
      "a verification mechanism for the truce",
    ],
    proposals: ["a joint monitoring mechanism", "a draft truce agreement", "a plan to reopen trade routes"],
    captives: ["detained border guards", "prisoners"],
    aidRoutes: ["through the Torkham crossing", "to returnees in Nangarhar"],
    attacks: ["air strikes", "cross-border attacks", "artillery attacks"],
    threats: ["close the border indefinitely", "retaliate with force", "expel more refugees"],
  },
  {
    id: "kosovo",
    label: "Serbia-Kosovo",
    war: "the dispute between Serbia and Kosovo",
    since: "2008",
    sides: [
      [
        {
          name: "Serbia",
          short: "Serbia",
          plural: false,
          kind: "state",
          adj: "Serbian",
          people: [p("President", "Aleksandar Vucic"), p("chief negotiator", "Petar Petkovic")],
          seat: "Belgrade",
        },
      ],
      [
        {
          name: "Kosovo",
          short: "Kosovo",
          plural: false,
          kind: "state",
          adj: "Kosovo",
          people: [p("Prime Minister", "Albin Kurti"), p("President", "Vjosa Osmani", "she")],
          seat: "Pristina",
        },
      ],
    ],
    mediators: [EU, { ...US }],
    venues: ["Brussels", "Ohrid", "Belgrade", "Pristina"],
    places: ["northern Kosovo", "Zvecan", "Mitrovica", "Leposavic"],
    issues: [
      "an association of Serb-majority municipalities",
      "mutual recognition of documents",
      "the status of Serbian institutions in the north",
      "energy arrangements in the north",
    ],
    proposals: ["an EU-backed normalisation plan", "a draft statute for the association", "an implementation annex"],
    captives: ["detained police officers", "arrested suspects"],
    aidRoutes: ["to communities in the north"],
    attacks: ["armed attacks", "grenade attacks", "sniper attacks"],
    threats: [
      "pull out of the EU-facilitated dialogue",
      "impose new trade restrictions",
      "deploy more police to the north",
    ],
  },
];

/** Humanitarian agencies that deliver aid. */
export const AGENCIES: Party[] = [
  {
    name: "the World Food Programme",
    short: "WFP",
    plural: false,
    kind: "igo",
    adj: "WFP",
    people: [p("WFP spokesperson", "Abeer Etefa", "she")],
    seat: "Rome",
  },
  {
    name: "UNICEF",
    short: "UNICEF",
    plural: false,
    kind: "igo",
    adj: "UNICEF",
    people: [p("UNICEF spokesperson", "James Elder")],
    seat: "Geneva",
  },
  ICRC,
  {
    name: "the UN refugee agency",
    short: "UNHCR",
    plural: false,
    kind: "igo",
    adj: "UNHCR",
    people: [p("UNHCR representative", "Dominique Hyde", "she")],
    seat: "Geneva",
  },
];

export interface Outlet {
  name: string;
  domain: string;
  home: string;
}

/** Fictional outlets. */
export const OUTLETS: Outlet[] = [
  { name: "Meridian Wire", domain: "meridianwire.example", home: "London" },
  { name: "The Halvorsen Dispatch", domain: "halvorsendispatch.example", home: "Oslo" },
  { name: "Coastline Post", domain: "coastlinepost.example", home: "Beirut" },
  { name: "Northgate Herald", domain: "northgateherald.example", home: "Toronto" },
  { name: "Tidewater Times", domain: "tidewatertimes.example", home: "Norfolk" },
  { name: "Orbis Report", domain: "orbisreport.example", home: "Geneva" },
  { name: "The Lantern Daily", domain: "lanterndaily.example", home: "Nairobi" },
  { name: "Eastport Chronicle", domain: "eastportchronicle.example", home: "Singapore" },
  { name: "Parallax News Agency", domain: "parallaxnews.example", home: "Paris" },
  { name: "Saltmarsh Gazette", domain: "saltmarshgazette.example", home: "Cape Town" },
  { name: "Keystone Monitor", domain: "keystonemonitor.example", home: "Washington" },
  { name: "Greywater Post", domain: "greywaterpost.example", home: "Dublin" },
  { name: "Silverline Press", domain: "silverlinepress.example", home: "Istanbul" },
  { name: "The Quillfield Courier", domain: "quillfieldcourier.example", home: "Johannesburg" },
  { name: "Amberley Observer", domain: "amberleyobserver.example", home: "Brussels" },
  { name: "Harbourlight News", domain: "harbourlightnews.example", home: "Sydney" },
];

export const ANON_SOURCES = [
  "a senior official briefed on the talks",
  "two diplomats familiar with the negotiations",
  "a person with knowledge of the discussions",
  "an official who spoke on condition of anonymity",
  "three people involved in the mediation effort",
  "a Western diplomat following the process",
];

export const TALK_ADJECTIVES = [
  "constructive",
  "difficult but useful",
  "serious",
  "frank",
  "positive",
  "disappointing",
  "businesslike",
];

export const QUOTES_HOPEFUL = [
  "We came here in good faith and we expect the same from the other side",
  "There is a window for a deal, but it will not stay open forever",
  "The gaps are narrower than they were a month ago",
  "Every day without an agreement costs lives, and everyone at the table knows it",
  "We are closer than we have been at any point this year",
  "The framework is there and what remains is political will",
];

export const QUOTES_HARD = [
  "Nobody should mistake our patience for weakness",
  "We will not sign anything that rewards aggression",
  "The other side keeps moving the goalposts",
  "Our red lines have not changed and they will not change",
  "Talks cannot continue while the bombing goes on",
  "We have heard promises before and we judge by actions",
];

export const ANALYST_ORGS = [
  "the International Crisis Group",
  "the Chatham House think tank",
  "a conflict research centre in Geneva",
  "the Stockholm International Peace Research Institute",
  "a university peace studies programme",
];

export const ANALYSTS = [
  p("analyst", "Miriam Okafor", "she"),
  p("researcher", "Daniel Ferreira"),
  p("senior fellow", "Leila Haddad", "she"),
  p("analyst", "Tomas Lindqvist"),
  p("director", "Priya Raman", "she"),
  p("researcher", "Yusuf Demir"),
];
