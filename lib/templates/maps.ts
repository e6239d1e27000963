// Starting journeys for "New map from template", so that a new analyst edits a plausible
// map instead of facing an empty grid. Pure data: safe in the browser, the server and tests.

/** A map's design without ids: what a template or a duplicated map writes. */
export type MapBlueprint = {
  stages: string[];
  channels: string[];
  /** In grid order; within a (stage, channel) cell, the order given is the order kept. */
  touchpoints: {
    /** Index into `stages`. */
    stage: number;
    /** Index into `channels`. */
    channel: number;
    name: string;
    description: string;
    prompt: string;
    ownerTeam: string;
    momentOfTruth: boolean;
    expectations: string[];
  }[];
};

type TemplateTouchpoint = Omit<MapBlueprint["touchpoints"][number], "stage" | "channel"> & {
  stage: string;
  channel: string;
};

export type MapTemplate = {
  id: string;
  name: string;
  /** What the template is for, shown when choosing one. */
  summary: string;
  /** The description the new map starts with. */
  description: string;
  stages: string[];
  channels: string[];
  touchpoints: TemplateTouchpoint[];
};

const RETAIL_STORE: MapTemplate = {
  id: "retail-store",
  name: "Retail store",
  summary: "A shopper finds the store, visits, buys, takes the purchase home and asks for help afterwards.",
  description: "From hearing about the store to getting help after the purchase, in store, online, by phone and on social media.",
  stages: ["Discover", "Visit", "Buy", "Take home", "Get help"],
  channels: ["Store", "Web", "Phone", "Social"],
  touchpoints: [
    {
      stage: "Discover",
      channel: "Web",
      name: "Website product pages",
      description: "Looking up products, prices and stock before a visit.",
      prompt: "Tell me about how you looked into what to buy before you came to the store.",
      ownerTeam: "E-commerce",
      momentOfTruth: false,
      expectations: ["Prices are shown clearly", "Stock at my local store is shown", "Product details answer my questions"],
    },
    {
      stage: "Discover",
      channel: "Social",
      name: "Social media posts",
      description: "Offers and product posts on social media.",
      prompt: "How did you come across the store or its offers on social media, if at all?",
      ownerTeam: "Marketing",
      momentOfTruth: false,
      expectations: ["Posts show current offers", "Questions in the comments get an answer"],
    },
    {
      stage: "Discover",
      channel: "Store",
      name: "Shop window",
      description: "What passers-by see from the street.",
      prompt: "Tell me about what you noticed from outside the store.",
      ownerTeam: "Visual merchandising",
      momentOfTruth: false,
      expectations: ["The window shows what the store sells", "Opening hours are easy to see"],
    },
    {
      stage: "Visit",
      channel: "Store",
      name: "Store entrance",
      description: "Arriving and walking in.",
      prompt: "Walk me through the moment you arrived at the store and went in.",
      ownerTeam: "Store operations",
      momentOfTruth: false,
      expectations: ["The door opens easily", "A greeter is at the door", "The entrance is clean and uncluttered"],
    },
    {
      stage: "Visit",
      channel: "Store",
      name: "Finding products",
      description: "Finding the way to what the customer came for.",
      prompt: "Tell me about finding what you came for once you were inside.",
      ownerTeam: "Store operations",
      momentOfTruth: false,
      expectations: ["Signs lead me to the right aisle", "Shelves are stocked", "Prices are on the shelf"],
    },
    {
      stage: "Visit",
      channel: "Store",
      name: "Staff on the shop floor",
      description: "Asking staff for advice or help while shopping.",
      prompt: "Tell me about any contact you had with staff while you were shopping.",
      ownerTeam: "Store staff",
      momentOfTruth: true,
      expectations: ["Someone is available when I need help", "Staff know the products", "Staff are friendly"],
    },
    {
      stage: "Buy",
      channel: "Store",
      name: "Checkout queue",
      description: "Waiting to pay at the tills.",
      prompt: "Tell me about paying for your things.",
      ownerTeam: "Store operations",
      momentOfTruth: true,
      expectations: ["I wait no more than five minutes", "Enough tills are open"],
    },
    {
      stage: "Buy",
      channel: "Store",
      name: "Payment",
      description: "Paying at the till.",
      prompt: "How did paying itself go?",
      ownerTeam: "Finance",
      momentOfTruth: false,
      expectations: ["My preferred way to pay is accepted", "The receipt is clear"],
    },
    {
      stage: "Buy",
      channel: "Web",
      name: "Online checkout",
      description: "Ordering and paying on the website.",
      prompt: "Tell me about ordering on the website.",
      ownerTeam: "E-commerce",
      momentOfTruth: false,
      expectations: ["Checkout takes only a few steps", "Delivery costs are clear before I pay"],
    },
    {
      stage: "Take home",
      channel: "Store",
      name: "Carry-out help",
      description: "Help carrying large items to the car.",
      prompt: "Tell me about getting your purchase from the store to your home.",
      ownerTeam: "Store staff",
      momentOfTruth: false,
      expectations: ["Someone offers to help with heavy items"],
    },
    {
      stage: "Take home",
      channel: "Web",
      name: "Home delivery",
      description: "Delivery of an order to the customer's door.",
      prompt: "Tell me about how your order reached you.",
      ownerTeam: "Logistics",
      momentOfTruth: true,
      expectations: ["It arrives on the promised day", "I can follow where it is", "It arrives undamaged"],
    },
    {
      stage: "Get help",
      channel: "Phone",
      name: "Customer service line",
      description: "Calling the store with a question or a problem.",
      prompt: "Tell me about the last time you called the store.",
      ownerTeam: "Customer service",
      momentOfTruth: false,
      expectations: ["Someone answers within two minutes", "My problem is solved in one call"],
    },
    {
      stage: "Get help",
      channel: "Store",
      name: "Returns desk",
      description: "Returning or exchanging an item in store.",
      prompt: "Tell me about returning or exchanging something, if you have.",
      ownerTeam: "Customer service",
      momentOfTruth: true,
      expectations: ["A return takes no more than ten minutes", "I am not asked to justify the return"],
    },
    {
      stage: "Get help",
      channel: "Social",
      name: "Messages on social media",
      description: "Contacting the store through social media.",
      prompt: "Tell me about any time you contacted the store on social media.",
      ownerTeam: "Social media team",
      momentOfTruth: false,
      expectations: ["I get a reply within a day", "Complaints are handled politely in public"],
    },
  ],
};

const TELECOM_SERVICE: MapTemplate = {
  id: "telecom-service",
  name: "Telecom service",
  summary: "A subscriber signs up, gets connected, pays the bills, asks for support and decides whether to renew.",
  description: "The life of a broadband or mobile subscription, from signing up to renewing the contract.",
  stages: ["Sign up", "Get connected", "Billing", "Support", "Renewal"],
  channels: ["Web", "App", "Phone", "Store"],
  touchpoints: [
    {
      stage: "Sign up",
      channel: "Web",
      name: "Plan comparison",
      description: "Comparing plans, prices and coverage on the website.",
      prompt: "Tell me about how you chose your plan.",
      ownerTeam: "Digital sales",
      momentOfTruth: false,
      expectations: ["The total monthly price is clear", "Coverage at my address is shown", "Plans are easy to compare"],
    },
    {
      stage: "Sign up",
      channel: "Web",
      name: "Online order",
      description: "Ordering the plan on the website.",
      prompt: "Walk me through placing your order.",
      ownerTeam: "Digital sales",
      momentOfTruth: false,
      expectations: ["The order takes less than ten minutes", "I get a confirmation straight away"],
    },
    {
      stage: "Sign up",
      channel: "Store",
      name: "In-store sign-up",
      description: "Signing up with a sales adviser in a shop.",
      prompt: "Tell me about signing up in the shop.",
      ownerTeam: "Retail",
      momentOfTruth: true,
      expectations: ["The adviser explains the contract terms", "I am not pushed into extras"],
    },
    {
      stage: "Get connected",
      channel: "Phone",
      name: "Installation appointment",
      description: "Booking and keeping the engineer's visit.",
      prompt: "Tell me about getting the service installed.",
      ownerTeam: "Field operations",
      momentOfTruth: true,
      expectations: ["I can choose a time slot", "The engineer arrives on time", "The service works when the engineer leaves"],
    },
    {
      stage: "Get connected",
      channel: "App",
      name: "Activation",
      description: "Activating the SIM or router with the app.",
      prompt: "Tell me about the first time you used the service.",
      ownerTeam: "Digital products",
      momentOfTruth: false,
      expectations: ["It works on the first try", "The instructions are easy to follow"],
    },
    {
      stage: "Billing",
      channel: "App",
      name: "Monthly bill",
      description: "Receiving and reading the bill.",
      prompt: "Tell me about your bills so far.",
      ownerTeam: "Billing",
      momentOfTruth: false,
      expectations: ["The bill matches what I was told", "Each charge is explained"],
    },
    {
      stage: "Billing",
      channel: "Web",
      name: "Payment and direct debit",
      description: "Paying the bill or setting up a direct debit.",
      prompt: "Tell me about paying for the service.",
      ownerTeam: "Billing",
      momentOfTruth: false,
      expectations: ["Setting up payment is simple", "I am reminded before a payment fails"],
    },
    {
      stage: "Billing",
      channel: "Phone",
      name: "Billing query call",
      description: "Calling about an unexpected charge.",
      prompt: "Tell me about any time you got in touch about a bill.",
      ownerTeam: "Customer care",
      momentOfTruth: true,
      expectations: ["Wrong charges are refunded without a fight", "I only have to explain once"],
    },
    {
      stage: "Support",
      channel: "App",
      name: "Fault report",
      description: "Reporting a fault or an outage in the app.",
      prompt: "Tell me about the last time the service was not working.",
      ownerTeam: "Digital products",
      momentOfTruth: false,
      expectations: ["I can see whether there is a known outage", "I get an estimate of when it will be fixed"],
    },
    {
      stage: "Support",
      channel: "Phone",
      name: "Support line",
      description: "Calling technical support.",
      prompt: "Tell me about calling support.",
      ownerTeam: "Customer care",
      momentOfTruth: true,
      expectations: ["Someone answers within five minutes", "The problem is fixed in one call", "I am kept informed"],
    },
    {
      stage: "Support",
      channel: "Web",
      name: "Help pages and chat",
      description: "Finding answers online or chatting with an agent.",
      prompt: "Tell me about looking for help online.",
      ownerTeam: "Customer care",
      momentOfTruth: false,
      expectations: ["The answer is easy to find", "Chat reaches a person when I need one"],
    },
    {
      stage: "Renewal",
      channel: "App",
      name: "End-of-contract notice",
      description: "Being told the contract is ending and what happens next.",
      prompt: "Tell me about what happened as your contract came to an end.",
      ownerTeam: "Retention",
      momentOfTruth: false,
      expectations: ["I am told before the price changes", "My options are explained"],
    },
    {
      stage: "Renewal",
      channel: "Phone",
      name: "Renewal offer",
      description: "Negotiating a new contract or leaving.",
      prompt: "Tell me about deciding whether to stay.",
      ownerTeam: "Retention",
      momentOfTruth: true,
      expectations: ["Loyal customers get the same deals as new ones", "Leaving is as easy as joining"],
    },
    {
      stage: "Renewal",
      channel: "Store",
      name: "Device upgrade",
      description: "Upgrading the phone or router in a shop.",
      prompt: "Tell me about upgrading your device, if you did.",
      ownerTeam: "Retail",
      momentOfTruth: false,
      expectations: ["My data moves to the new device", "The upgrade price is clear"],
    },
  ],
};

export const MAP_TEMPLATES: readonly MapTemplate[] = [RETAIL_STORE, TELECOM_SERVICE];

export const TEMPLATE_IDS = ["retail-store", "telecom-service"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export function findTemplate(id: string): MapTemplate | undefined {
  return MAP_TEMPLATES.find((template) => template.id === id);
}

/** The template's design with stage and channel names turned into indexes. */
export function templateBlueprint(template: MapTemplate): MapBlueprint {
  const index = (list: string[], name: string, what: string) => {
    const found = list.indexOf(name);
    if (found < 0) throw new Error(`Template ${template.id}: unknown ${what} "${name}"`);
    return found;
  };
  return {
    stages: [...template.stages],
    channels: [...template.channels],
    touchpoints: template.touchpoints.map(({ stage, channel, expectations, ...touchpoint }) => ({
      ...touchpoint,
      stage: index(template.stages, stage, "stage"),
      channel: index(template.channels, channel, "channel"),
      expectations: [...expectations],
    })),
  };
}
