// What the workspace home's getting-started checklist reads (lib/data/workspace-setup.ts).

/** How far a workspace is along the workflow, derived from its data each time the home opens. */
export type SetupProgress = {
  /** A map exists (in any status). */
  hasMap: boolean;
  /** An active map, the one interviews are recorded on; null when none is active. */
  activeMapId: string | null;
  /** Someone else is a member, or an invitation was made. */
  hasTeam: boolean;
  /** A submitted interview exists. */
  hasInterview: boolean;
  /** A map with at least its minimum sample of submitted interviews: its matrix ranks touchpoints. */
  matrixMapId: string | null;
  /** The map the matrix step points at meanwhile (the one with the most submitted interviews). */
  busiestMapId: string | null;
};
