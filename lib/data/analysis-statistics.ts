// The statistics the per-day rollups keep for each (day, dimension value, touchpoint): the
// columns of analysis_day_touchpoints, in order. Shared by the readers (analysis-source.ts)
// and the verification (analysis-verify.ts, which also runs outside the app).
export const ROLLUP_STATISTICS = [
  "n",
  "interviews",
  "missed",
  "met",
  "exceeded",
  "importance_sum",
  "importance_sum_sq",
  "missed_importance_sum",
  "exceeded_importance_sum",
  "missed_overall_sum",
  "missed_overall_n",
  "met_overall_sum",
  "met_overall_n",
  "exceeded_overall_sum",
  "exceeded_overall_n",
  "feeling_hate",
  "feeling_dislike",
  "feeling_eh",
  "feeling_like_a_lot",
  "feeling_love",
  "feeling_in_love",
] as const;

export type RollupStatistic = (typeof ROLLUP_STATISTICS)[number];

/**
 * The statistics of one interview at one touchpoint: the columns of analysis_touchpoints, and
 * of the parallel arrays on analysis_interviews (`tp_<name>`, one element per touchpoint).
 * The rest of the rollup statistics follow from these and the interview's overall feeling.
 */
export const SUMMARY_STATISTICS = [
  "n",
  "missed",
  "met",
  "exceeded",
  "importance_sum",
  "importance_sum_sq",
  "missed_importance_sum",
  "exceeded_importance_sum",
  "feeling_hate",
  "feeling_dislike",
  "feeling_eh",
  "feeling_like_a_lot",
  "feeling_love",
  "feeling_in_love",
] as const satisfies readonly RollupStatistic[];
