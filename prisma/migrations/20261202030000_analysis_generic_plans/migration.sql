-- The statements inside a submission and a summary refresh are planned once per connection,
-- not on every call. By default PL/pgSQL re-plans a statement for each call's parameters
-- ("custom plans") until it judges a generic plan as cheap; for the refresh's inserts from
-- the source views (a few LATERAL joins and fifteen aggregates) planning cost more than running
-- them: about 5 ms per refresh against 1.5 ms with the generic plan. Their plans do not depend
-- on the values: every lookup is by interview id through a primary key, and the views' LATERAL
-- joins keep it so whatever the estimates.
ALTER FUNCTION cx_analysis_refresh(TEXT[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION cx_submit_interview(
  TEXT, TEXT, TEXT, INTEGER, TEXT, DATE, TEXT, TEXT, TEXT, TEXT,
  TEXT[], TEXT[], TEXT[], SMALLINT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT, JSONB
) SET plan_cache_mode = force_generic_plan;
