import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { ROLES } from "@/lib/permissions";
import { emailText, idText, text } from "@/lib/schemas/text";

const email = emailText().pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

const newPassword = text({
  what: "the password",
  max: 200,
  kind: "secret",
  messages: { type: "Choose a password.", tooLong: "Use at most 200 characters for the password." },
}).refine((value) => value.length >= 10, "Use at least 10 characters for the password.");

const personName = text({ what: "your name", max: 100, kind: "name", required: true, messages: { type: "Enter your name.", tooLong: "Use at most 100 characters for the name." } });

/** An invitation link's secret: printable, bounded; a wrong one is simply not found. */
const invitationToken = text({ what: "the invitation link", max: 200, required: true }).refine((value) => value.length >= 20, "That invitation link is not complete.");

/** A membership or invitation the admin acts on. */
const memberId = idText();

export const SignInSchema = z.object({
  email,
  password: text({ what: "your password", max: 200, kind: "secret", required: true, messages: { type: "Enter your password.", required: "Enter your password." } }),
});
export type SignInSchema = z.infer<typeof SignInSchema>;

/** The sign-in form: the credentials and the page to go on to (never another site). */
export const SignInFormSchema = SignInSchema.extend({
  callbackUrl: z.unknown().optional().transform((value) => safeCallbackPath(value)),
});
export type SignInFormSchema = z.infer<typeof SignInFormSchema>;

export const SignUpSchema = z.object({
  name: personName,
  email,
  password: newPassword,
  workspaceName: text({
    what: "a name for your workspace",
    max: 80,
    kind: "name",
    required: true,
    messages: {
      type: "Name your workspace.",
      required: "Name your workspace, e.g. your company's name.",
      tooLong: "Use at most 80 characters for the workspace name.",
    },
  }),
});
export type SignUpSchema = z.infer<typeof SignUpSchema>;

export const CreateInvitationSchema = z.object({
  email: z
    .union([z.literal(""), email])
    .optional()
    .transform((value) => (value ? value : undefined)),
  role: z.enum(ROLES, { error: "Choose a role: Admin, Analyst, Manager or Interviewer." }),
  expiresInDays: z.coerce
    .number({ error: "Enter how many days the link stays valid." })
    .int("Use a whole number of days.")
    .min(1, "The link must stay valid for at least 1 day.")
    .max(30, "The link can stay valid for at most 30 days."),
});
export type CreateInvitationSchema = z.infer<typeof CreateInvitationSchema>;

/** Accepting an invitation as a new user: name and password. */
export const AcceptInvitationNewUserSchema = z.object({
  token: invitationToken,
  name: personName,
  email,
  password: newPassword,
});
export type AcceptInvitationNewUserSchema = z.infer<typeof AcceptInvitationNewUserSchema>;

/** Accepting an invitation while signed in with an existing account. */
export const AcceptInvitationSignedInSchema = z.object({
  token: invitationToken,
});
export type AcceptInvitationSignedInSchema = z.infer<typeof AcceptInvitationSignedInSchema>;

export const ChangeRoleSchema = z.object({
  membershipId: memberId,
  role: z.enum(ROLES, { error: "Choose a role: Admin, Analyst, Manager or Interviewer." }),
});
export type ChangeRoleSchema = z.infer<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({
  membershipId: memberId,
});
export type RemoveMemberSchema = z.infer<typeof RemoveMemberSchema>;

export const RevokeInvitationSchema = z.object({ invitationId: memberId });
export type RevokeInvitationSchema = z.infer<typeof RevokeInvitationSchema>;

/** Changing one's password: the current one, and a new one under the sign-up rules. */
export const ChangePasswordSchema = z.object({
  currentPassword: text({
    what: "your current password",
    max: 200,
    kind: "secret",
    required: true,
    messages: { type: "Enter your current password.", required: "Enter your current password." },
  }),
  newPassword,
});
export type ChangePasswordSchema = z.infer<typeof ChangePasswordSchema>;

/** Ending one of one's sessions from the account page. */
export const EndSessionSchema = z.object({
  sessionId: idText(),
});
export type EndSessionSchema = z.infer<typeof EndSessionSchema>;

/** Forms with nothing to send (sign out, sign out everywhere). */
export const NoInputSchema = z.object({});
export type NoInputSchema = z.infer<typeof NoInputSchema>;
