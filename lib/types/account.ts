/** One of the signed-in person's active sessions, as the account page lists it. */
export type AccountSession = {
  id: string;
  /** "Firefox on Linux", from the browser's User-Agent. */
  device: string;
  createdAt: string;
  lastSeenAt: string;
  /** The session of the browser looking at the list. */
  current: boolean;
};
