// The demo "In-store purchase" journey: its design (stages, channels, touchpoints,
// expectations, neutral prompts) and how simulated customers experience each touchpoint.
// The behaviours are tuned so that the analysis screens find the patterns in DEMO_TRUTHS.
import type { ChannelHabits, TouchpointBehaviour } from "./behaviour";

export const DEMO_STAGES = ["Discover", "Visit", "Buy", "Take home", "Get help"] as const;
export const DEMO_CHANNELS = ["Store", "Web", "Phone", "Social"] as const;

export type DemoStage = (typeof DEMO_STAGES)[number];
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export interface DemoTouchpoint {
  stage: DemoStage;
  channel: DemoChannel;
  name: string;
  description: string;
  /** Neutral, non-leading question for the interviewer. */
  prompt: string;
  ownerTeam: string;
  momentOfTruth: boolean;
  expectations: string[];
  behaviour: TouchpointBehaviour;
  /** Things customers say, by outcome (the generator falls back to generic phrases). */
  comments?: { MISSED?: string[]; MET?: string[]; EXCEEDED?: string[] };
}

export const DEMO_SEGMENTS = ["Families", "Students", "Professionals", "Retirees"] as const;

/** Interview target of the demo map, overall and per segment. */
export const DEMO_INTERVIEW_TARGET = 800;
export const DEMO_SEGMENT_QUOTAS: Record<(typeof DEMO_SEGMENTS)[number], number> = {
  Families: 240,
  Students: 200,
  Professionals: 200,
  Retirees: 160,
};

/** Students live online and on social media, retirees pick up the phone. */
export const DEMO_CHANNEL_HABITS: ChannelHabits = {
  Families: { Store: 1, Web: 1, Phone: 1, Social: 0.9 },
  Students: { Store: 0.95, Web: 1.25, Phone: 0.5, Social: 1.6 },
  Professionals: { Store: 0.95, Web: 1.2, Phone: 0.9, Social: 0.8 },
  Retirees: { Store: 1.05, Web: 0.55, Phone: 2, Social: 0.4 },
};

export const DEMO_ATTRIBUTE_FIELDS = [
  { name: "Lifestyle", values: ["Busy urban", "Family-focused", "Budget-conscious", "Outdoor and active"] },
  { name: "Motivation", values: ["Price", "Convenience", "Quality", "Service"] },
] as const;

export const DEMO_TOUCHPOINTS: DemoTouchpoint[] = [
  // Discover
  {
    stage: "Discover",
    channel: "Web",
    name: "Website product pages",
    description: "Browsing products and prices on the website before a visit.",
    prompt: "Tell me about how you looked into what to buy before you came to the store.",
    ownerTeam: "E-commerce",
    momentOfTruth: false,
    expectations: ["Prices are shown clearly", "Stock at my local store is shown", "Product details answer my questions"],
    behaviour: { reach: 0.55, missRate: 0.16, exceedRate: 0.15, importance: 3.0, factor: "PERFORMANCE", impact: 0.8 },
    comments: {
      MISSED: ["Said in stock online, but the shelf was empty.", "Couldn't find the size chart."],
      EXCEEDED: ["Could reserve it online and it was waiting for me."],
    },
  },
  {
    stage: "Discover",
    channel: "Social",
    name: "Social media posts",
    description: "Offers and product posts on Instagram and Facebook.",
    prompt: "How did you come across the store or its offers, if at all, on social media?",
    ownerTeam: "Marketing",
    momentOfTruth: false,
    expectations: ["Posts show current offers", "Questions in the comments get an answer"],
    behaviour: { reach: 0.3, missRate: 0.14, exceedRate: 0.2, importance: 2.3, factor: "PERFORMANCE", impact: 0.5 },
    comments: { MISSED: ["The offer in the post had ended already."], EXCEEDED: ["They answered my question in the comments within the hour."] },
  },
  {
    stage: "Discover",
    channel: "Store",
    name: "Shop window",
    description: "Window displays seen from the street.",
    prompt: "What, if anything, did you notice from outside the store?",
    ownerTeam: "Visual merchandising",
    momentOfTruth: false,
    expectations: ["The window shows what is inside", "Displays look fresh and seasonal"],
    behaviour: { reach: 0.6, missRate: 0.12, exceedRate: 0.17, importance: 2.3, factor: "PERFORMANCE", impact: 0.5 },
    comments: { MISSED: ["Still had the summer display up in October."], EXCEEDED: ["The window display made me come in."] },
  },
  // Visit
  {
    stage: "Visit",
    channel: "Store",
    name: "Store entrance",
    description: "Arriving and getting through the door.",
    prompt: "Tell me about how you got into the store.",
    ownerTeam: "Store operations",
    momentOfTruth: false,
    expectations: ["The door opens easily", "A greeter is at the door", "The entrance is free of clutter"],
    behaviour: { reach: 0.92, missRate: 0.15, exceedRate: 0.08, importance: 3.7, factor: "BASIC", impact: 2.2 },
    comments: {
      MISSED: ["The automatic door was stuck half open.", "Boxes piled up right at the entrance.", "Nobody around when I came in."],
      EXCEEDED: ["Someone held the door for my buggy."],
    },
  },
  {
    stage: "Visit",
    channel: "Store",
    name: "Store cleanliness",
    description: "How clean and tidy the shop floor is.",
    prompt: "Describe the store as you walked around it.",
    ownerTeam: "Facilities",
    momentOfTruth: false,
    expectations: ["The store is clean", "Aisles are clear and easy to walk", "Fitting rooms are tidy"],
    behaviour: { reach: 0.9, missRate: 0.14, exceedRate: 0.08, importance: 3.8, factor: "BASIC", impact: 2.2 },
    comments: {
      MISSED: ["Spilled drink in aisle four, nobody cleaned it.", "Clothes all over the fitting room floor.", "Pallets blocking the aisle."],
    },
  },
  {
    stage: "Visit",
    channel: "Store",
    name: "Staff on the shop floor",
    description: "Finding someone to help and the help they give.",
    prompt: "Tell me about any contact you had with staff while you were looking around.",
    ownerTeam: "Store operations",
    momentOfTruth: true,
    expectations: ["Staff are available when I need them", "Staff know the products", "Staff are friendly"],
    behaviour: {
      reach: 0.7,
      missRate: 0.2,
      exceedRate: 0.22,
      importance: 3.7,
      factor: "PERFORMANCE",
      impact: 1.2,
      bySegment: {
        Students: { missRate: 0.46, exceedRate: 0.07 },
        Professionals: { missRate: 0.08, exceedRate: 0.34 },
      },
    },
    comments: {
      MISSED: ["Felt ignored, they served the older couple first.", "Had to go looking for someone.", "He didn't know if it came in other sizes."],
      EXCEEDED: ["She checked the stockroom and found my size.", "Really knew the product, saved me money."],
    },
  },
  {
    stage: "Visit",
    channel: "Web",
    name: "Store locator and opening hours",
    description: "Finding the nearest store and when it is open.",
    prompt: "How did you work out where and when to come to the store?",
    ownerTeam: "E-commerce",
    momentOfTruth: false,
    expectations: ["Opening hours are correct", "Directions get me to the store"],
    behaviour: { reach: 0.4, missRate: 0.1, exceedRate: 0.08, importance: 2.8, factor: "PERFORMANCE", impact: 0.5 },
    comments: { MISSED: ["Website said open till eight, doors were locked at seven."] },
  },
  {
    stage: "Visit",
    channel: "Phone",
    name: "Calling the store",
    description: "Phoning the store before or during a visit.",
    prompt: "Tell me about any call you made to the store.",
    ownerTeam: "Store operations",
    momentOfTruth: false,
    expectations: ["Someone answers the phone", "They can check stock for me"],
    behaviour: { reach: 0.08, missRate: 0.28, exceedRate: 0.06, importance: 3.2, factor: "PERFORMANCE", impact: 0.8 },
    comments: { MISSED: ["Rang three times, nobody picked up.", "They said they would check stock and call back. Never did."] },
  },
  // Buy
  {
    stage: "Buy",
    channel: "Store",
    name: "Checkout queue",
    description: "Queueing to pay at the tills.",
    prompt: "Walk me through what happened when you went to pay.",
    ownerTeam: "Store operations",
    momentOfTruth: true,
    expectations: ["I wait less than five minutes", "Enough tills are open", "The queue is orderly"],
    behaviour: { reach: 0.88, missRate: 0.48, exceedRate: 0.04, importance: 4.6, factor: "BASIC", impact: 1.3 },
    comments: {
      MISSED: [
        "Twenty minutes in the queue with two tills open.",
        "Only one till open on a Saturday.",
        "People pushing in, no one managing the line.",
        "Nearly left my basket and walked out.",
      ],
      EXCEEDED: ["They opened a new till as soon as the queue grew."],
    },
  },
  {
    stage: "Buy",
    channel: "Store",
    name: "Payment at the till",
    description: "Paying for the purchase.",
    prompt: "How did paying go?",
    ownerTeam: "Finance and payments",
    momentOfTruth: false,
    expectations: ["Card payment works first time", "Contactless and mobile pay are accepted", "I can get the receipt by email"],
    behaviour: { reach: 0.85, missRate: 0.12, exceedRate: 0.06, importance: 3.6, factor: "PERFORMANCE", impact: 1.0 },
    comments: { MISSED: ["Card machine kept failing, had to try three times.", "They couldn't email the receipt."], MET: ["Tapped my phone, done."] },
  },
  {
    stage: "Buy",
    channel: "Store",
    name: "Loyalty rewards",
    description: "Points and personal offers at the till.",
    prompt: "Tell me about anything that happened with a loyalty card or offers when you paid.",
    ownerTeam: "Marketing (CRM)",
    momentOfTruth: false,
    expectations: ["Points are added without asking", "I get a personal offer at the till"],
    behaviour: { reach: 0.55, missRate: 0.2, exceedRate: 0.32, importance: 2.8, factor: "DELIGHTER", impact: 2.0 },
    comments: {
      EXCEEDED: ["Got a voucher for exactly the thing I buy every week!", "Double points, lovely surprise."],
      MISSED: ["Forgot my card, no points."],
    },
  },
  {
    stage: "Buy",
    channel: "Web",
    name: "Online checkout",
    description: "Paying for an order on the website.",
    prompt: "Tell me about paying for your order online.",
    ownerTeam: "E-commerce",
    momentOfTruth: false,
    expectations: ["Checkout takes only a few steps", "My saved details are filled in", "Delivery options and costs are clear"],
    behaviour: { reach: 0.35, missRate: 0.04, exceedRate: 0.45, importance: 3.4, factor: "PERFORMANCE", impact: 1.0 },
    comments: {
      MISSED: ["The payment page timed out twice."],
      EXCEEDED: ["Done in under a minute with Apple Pay.", "So much easier than queueing in the store."],
    },
  },
  // Take home
  {
    stage: "Take home",
    channel: "Store",
    name: "Carry-out help",
    description: "Packing and getting purchases to the car.",
    prompt: "How did you get your purchases home?",
    ownerTeam: "Store operations",
    momentOfTruth: false,
    expectations: ["Staff offer to carry heavy items to my car", "Purchases are packed with care"],
    behaviour: { reach: 0.45, missRate: 0.18, exceedRate: 0.3, importance: 2.5, factor: "DELIGHTER", impact: 2.0 },
    comments: {
      MISSED: ["Had to drag a heavy box to the car on my own."],
      EXCEEDED: ["A young lad carried the flat-pack to my car, brilliant.", "Wrapped the glasses in paper without me asking."],
    },
  },
  {
    stage: "Take home",
    channel: "Store",
    name: "Click and collect desk",
    description: "Picking up an order placed online.",
    prompt: "Tell me about picking up your order.",
    ownerTeam: "Fulfilment",
    momentOfTruth: false,
    expectations: ["My order is ready when I arrive", "I wait less than five minutes at the desk"],
    behaviour: {
      reach: 0.25,
      missRate: 0.18,
      exceedRate: 0.12,
      importance: 3.5,
      factor: "PERFORMANCE",
      impact: 1.0,
      bySegment: {
        Students: { missRate: 0.42, exceedRate: 0.05 },
        Professionals: { missRate: 0.08, exceedRate: 0.22 },
      },
    },
    comments: { MISSED: ["Order wasn't ready even though I got the text.", "Nobody at the desk, had to ring the bell twice."], EXCEEDED: ["They had it waiting at the front for me."] },
  },
  {
    stage: "Take home",
    channel: "Web",
    name: "Home delivery",
    description: "Delivery of online orders to the door.",
    prompt: "Tell me about how your order reached you.",
    ownerTeam: "Logistics",
    momentOfTruth: true,
    expectations: ["It arrives on the promised day", "Tracking updates are accurate", "Items arrive undamaged"],
    behaviour: {
      reach: 0.4,
      missRate: 0.1,
      exceedRate: 0.14,
      importance: 4.0,
      factor: "PERFORMANCE",
      impact: 1.2,
      // A new courier took over four weeks ago.
      recent: { days: 28, missRate: 0.58, exceedRate: 0.03 },
    },
    comments: {
      MISSED: ["Came three days late, no update at all.", "Tracking said delivered, it wasn't.", "Box was crushed, the lamp broke."],
      EXCEEDED: ["Arrived the next morning, a day early."],
    },
  },
  {
    stage: "Take home",
    channel: "Phone",
    name: "Delivery text updates",
    description: "Text messages about an order on its way.",
    prompt: "What, if anything, did you hear from us while your order was on its way?",
    ownerTeam: "Logistics",
    momentOfTruth: false,
    expectations: ["I get a text when the order is on its way", "The delivery window in the text is accurate"],
    behaviour: { reach: 0.2, missRate: 0.14, exceedRate: 0.12, importance: 2.9, factor: "PERFORMANCE", impact: 0.6 },
    comments: { MISSED: ["Got the text after the parcel had arrived."], EXCEEDED: ["The driver texted a 30-minute window, spot on."] },
  },
  // Get help
  {
    stage: "Get help",
    channel: "Store",
    name: "Returns desk",
    description: "Returning or exchanging an item in store.",
    prompt: "Tell me about bringing something back.",
    ownerTeam: "Customer service",
    momentOfTruth: true,
    expectations: ["I get a refund without an argument", "The return takes only a few minutes", "No receipt is needed if I paid by card"],
    behaviour: { reach: 0.3, missRate: 0.24, exceedRate: 0.1, importance: 4.2, factor: "PERFORMANCE", impact: 1.5 },
    comments: {
      MISSED: ["Treated like I was trying to con them.", "Needed a manager to sign it off, took ages."],
      EXCEEDED: ["Swapped it on the spot, no questions asked."],
    },
  },
  {
    stage: "Get help",
    channel: "Web",
    name: "Help centre and chat",
    description: "Online help pages and live chat.",
    prompt: "How did you go about getting help online, if you did?",
    ownerTeam: "Customer service",
    momentOfTruth: false,
    expectations: ["I find the answer quickly", "Chat replies within a few minutes"],
    behaviour: { reach: 0.25, missRate: 0.24, exceedRate: 0.12, importance: 3.3, factor: "PERFORMANCE", impact: 1.0 },
    comments: { MISSED: ["The chatbot kept sending me back to the FAQ.", "Waited twenty minutes for the chat to connect."], EXCEEDED: ["The chat agent fixed it in two minutes."] },
  },
  {
    stage: "Get help",
    channel: "Phone",
    name: "Customer service line",
    description: "Calling the customer service number.",
    prompt: "Tell me about your call to customer service.",
    ownerTeam: "Customer service",
    momentOfTruth: false,
    expectations: ["The call is answered within two minutes", "My problem is solved on the first call", "The agent is polite"],
    behaviour: { reach: 0.1, missRate: 0.28, exceedRate: 0.1, importance: 4.0, factor: "PERFORMANCE", impact: 1.4 },
    comments: { MISSED: ["Forty minutes on hold.", "Got passed around three departments."], EXCEEDED: ["The agent called me back to check it was sorted."] },
  },
  {
    stage: "Get help",
    channel: "Social",
    name: "Social media support",
    description: "Asking for help through social media messages.",
    prompt: "Tell me about any time you contacted the store on social media.",
    ownerTeam: "Social media team",
    momentOfTruth: false,
    expectations: ["I get a reply within a day", "Complaints are handled politely in public"],
    behaviour: { reach: 0.1, missRate: 0.2, exceedRate: 0.15, importance: 3.0, factor: "PERFORMANCE", impact: 0.7 },
    comments: { MISSED: ["Messaged on Facebook, reply came four days later."], EXCEEDED: ["Sorted on Twitter within an hour."] },
  },
];

/** Volunteered expectations interviewers recorded as free text (awaiting an analyst's review). */
export const DEMO_VOLUNTEERED = [
  { touchpoint: "Checkout queue", text: "Self-checkout tills are available", observations: 12, missRate: 0.75 },
  { touchpoint: "Staff on the shop floor", text: "Staff can speak my language", observations: 6, missRate: 0.5 },
  { touchpoint: "Home delivery", text: "I can choose a delivery time slot", observations: 8, missRate: 0.6 },
] as const;

/**
 * The patterns the demo data carries, by touchpoint name, for the analysis screens to find
 * and for tests to check.
 */
export const DEMO_TRUTHS = {
  /** Moment of truth with high importance that fails: #1 of the fix list by weighted pain. */
  topPain: "Checkout queue",
  /** Missing hurts the overall feeling, exceeding earns nothing: penalty << 0, reward ~ 0. */
  basics: ["Store entrance", "Store cleanliness"],
  /** Exceeding lifts the overall feeling, missing barely hurts: reward >> 0, penalty ~ 0. */
  delighters: ["Loyalty rewards", "Carry-out help"],
  /** Miss rate in the latest 28 days is at least 25 points above the 28 days before. */
  worsening: { touchpoint: "Home delivery", windowDays: 28, minJumpPoints: 25 },
  /** The worse segment's P at these touchpoints is far below the better segment's. */
  segmentGap: {
    touchpoints: ["Staff on the shop floor", "Click and collect desk"],
    worse: "Students",
    better: "Professionals",
    minGapPoints: 30,
  },
  /** P of the Store cell and the Web cell at this stage differ by more than 40 points. */
  inconsistentStage: { stage: "Buy", channels: ["Store", "Web"], minSpreadPoints: 40 },
} as const;
