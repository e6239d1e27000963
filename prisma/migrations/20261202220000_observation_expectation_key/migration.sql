-- An observation names its touchpoint and expectation; one foreign key on the pair replaces
-- the two on each column. It is stricter (the expectation must be one of that touchpoint's,
-- which the capture schema already demands) and it is one referential check per inserted
-- row instead of two, which is most of what writing a large import costs.

-- DropForeignKey
ALTER TABLE "observations" DROP CONSTRAINT "observations_expectation_id_fkey";

-- DropForeignKey
ALTER TABLE "observations" DROP CONSTRAINT "observations_touchpoint_id_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "expectations_touchpoint_id_id_key" ON "expectations"("touchpoint_id", "id");

-- AddForeignKey
ALTER TABLE "observations" ADD CONSTRAINT "observations_touchpoint_id_expectation_id_fkey" FOREIGN KEY ("touchpoint_id", "expectation_id") REFERENCES "expectations"("touchpoint_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
