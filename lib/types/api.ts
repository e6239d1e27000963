// What the API page reads (lib/data/api-tokens.ts and lib/data/webhooks.ts return these).
import type { Role } from "@/lib/permissions";

export type ApiTokenView = {
  id: string;
  name: string;
  role: Role;
  /** The secret's first characters, to recognise it; the rest is never stored. */
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  status: "ACTIVE" | "REVOKED" | "EXPIRED";
};

export type WebhookView = {
  url: string;
  createdAt: string;
  updatedAt: string;
};

export type WebhookDeliveryView = {
  id: string;
  event: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};
