// API tokens and the workspace's webhook, as the settings page's forms and their actions read them.
import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { idText, text } from "@/lib/schemas/text";
import { isoDate } from "@/lib/schemas/date";

const id = idText();

export const CreateApiTokenSchema = z.object({
  name: text({
    what: "the token's name",
    max: 80,
    kind: "name",
    required: true,
    messages: { required: "Name the token after what uses it, e.g. “Survey tool”.", tooLong: "Keep the name under 80 characters." },
  }),
  role: z.enum(ROLES, { error: "Choose what the token may do: Admin, Analyst, Manager or Interviewer." }),
  /** The last day the token works; empty for a token that does not expire. */
  expiresOn: z
    .union([z.literal(""), isoDate({ message: "Enter the last day as a date, or leave it empty." })])
    .optional()
    .transform((value) => (value ? value : null)),
});
export type CreateApiTokenSchema = z.infer<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({ tokenId: id });
export type RevokeApiTokenSchema = z.infer<typeof RevokeApiTokenSchema>;

/** The webhook's address: http or https, with a host. */
export const SaveWebhookSchema = z.object({
  url: text({
    what: "the address",
    max: 2000,
    required: true,
    messages: { required: "Enter the address cxmap sends events to.", tooLong: "Use an address of at most 2,000 characters." },
  }).refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "Enter a full http:// or https:// address, without a user name or password in it."),
});
export type SaveWebhookSchema = z.infer<typeof SaveWebhookSchema>;

export const RemoveWebhookSchema = z.object({});
export type RemoveWebhookSchema = z.infer<typeof RemoveWebhookSchema>;

/** What a token's secret starts with, so it is recognised in a leaked log or a secret scanner. */
export const API_TOKEN_PREFIX = "cxm_";
