// The sufficient statistics the analysis stores and sums, by name. Shared by the readers
// (analysis-source.ts) and the verification (analysis-verify.ts, which also runs outside the app).

const OUTCOME_COUNTS = ["missed", "met", "exceeded"] as const;
const IMPORTANCE_SUMS = ["importance_sum", "importance_sum_sq", "missed_importance_sum", "exceeded_importance_sum"] as const;
/** Σ and count of the interviews' overall feeling (1-6) per outcome, for the asymmetry. */
const OVERALL_BY_OUTCOME = [
  "missed_overall_sum",
  "missed_overall_n",
  "met_overall_sum",
  "met_overall_n",
  "exceeded_overall_sum",
  "exceeded_overall_n",
] as const;
const FEELING_COUNTS = ["feeling_hate", "feeling_dislike", "feeling_eh", "feeling_like_a_lot", "feeling_love", "feeling_in_love"] as const;

/** What the priority matrix reads: observations, reach, outcome counts and importance sums. */
export const MATRIX_STATISTICS = ["n", "interviews", ...OUTCOME_COUNTS, ...IMPORTANCE_SUMS] as const;

/** The matrix's statistics and the asymmetry groups: what the matrix and the insight views read. */
export const MATRIX_ASYMMETRY_STATISTICS = [...MATRIX_STATISTICS, ...OVERALL_BY_OUTCOME] as const;

/**
 * The statistics the per-day rollups keep for each (day, dimension value, touchpoint): the
 * columns of analysis_day_touchpoints, in order.
 */
export const ROLLUP_STATISTICS = [...MATRIX_STATISTICS, ...OVERALL_BY_OUTCOME, ...FEELING_COUNTS] as const;

export type RollupStatistic = (typeof ROLLUP_STATISTICS)[number];

/**
 * The statistics of one interview at one touchpoint: the columns of analysis_touchpoints, and
 * of the parallel arrays on analysis_interviews (`tp_<name>`, one element per touchpoint).
 * The rest of the rollup statistics follow from these and the interview's overall feeling.
 */
export const SUMMARY_STATISTICS = ["n", ...OUTCOME_COUNTS, ...IMPORTANCE_SUMS, ...FEELING_COUNTS] as const;
