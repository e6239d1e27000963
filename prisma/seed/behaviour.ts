// How simulated customers experience a touchpoint: the knobs the generator turns to put
// true, findable patterns into demo and benchmark data.

/**
 * How outcomes at a touchpoint move the customer's overall feeling (three-factor theory):
 * a BASIC hurts when missed and earns nothing when exceeded, a DELIGHTER thrills when
 * exceeded and is barely missed, a PERFORMANCE factor works both ways.
 */
export type Factor = "BASIC" | "PERFORMANCE" | "DELIGHTER";

export interface OutcomeRates {
  /** Probability that an expectation is missed. */
  missRate: number;
  /** Probability that an expectation is exceeded (the rest is met). */
  exceedRate: number;
}

export interface TouchpointBehaviour extends OutcomeRates {
  /** Probability that an interview covers the touchpoint (before segment channel habits). */
  reach: number;
  /** Mean importance (1-5) customers give its expectations. */
  importance: number;
  factor: Factor;
  /** Strength of the touchpoint's effect on the overall feeling (steps on the 1-6 scale). */
  impact: number;
  /** Outcome rates in the last `days` days (0 = today), e.g. a touchpoint that got worse. */
  recent?: OutcomeRates & { days: number };
  /** Outcome rates for respondents of a segment, e.g. Students served worse than others. */
  bySegment?: Record<string, OutcomeRates>;
}

/** Behaviour of a touchpoint the generator knows nothing about (benchmark maps). */
export const DEFAULT_BEHAVIOUR: TouchpointBehaviour = {
  reach: 0.5,
  missRate: 0.2,
  exceedRate: 0.18,
  importance: 3.2,
  factor: "PERFORMANCE",
  impact: 0.6,
};

/** Per segment, how much more or less often its customers use a channel (multiplies reach). */
export type ChannelHabits = Record<string, Record<string, number>>;
