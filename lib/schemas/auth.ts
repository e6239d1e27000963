import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { ROLES } from "@/lib/permissions";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .transform((value) => value.toLowerCase());

const newPassword = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for the password.")
  .max(200, "Use at most 200 characters for the password.");

const personName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters for the name.");

export const SignInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
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
  workspaceName: z
    .string({ error: "Name your workspace." })
    .trim()
    .min(1, "Name your workspace, e.g. your company's name.")
    .max(80, "Use at most 80 characters for the workspace name."),
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
  token: z.string().min(20).max(200),
  name: personName,
  email,
  password: newPassword,
});
export type AcceptInvitationNewUserSchema = z.infer<typeof AcceptInvitationNewUserSchema>;

/** Accepting an invitation while signed in with an existing account. */
export const AcceptInvitationSignedInSchema = z.object({
  token: z.string().min(20).max(200),
});
export type AcceptInvitationSignedInSchema = z.infer<typeof AcceptInvitationSignedInSchema>;

export const ChangeRoleSchema = z.object({
  membershipId: z.string().min(1).max(64),
  role: z.enum(ROLES, { error: "Choose a role: Admin, Analyst, Manager or Interviewer." }),
});
export type ChangeRoleSchema = z.infer<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({
  membershipId: z.string().min(1).max(64),
});
export type RemoveMemberSchema = z.infer<typeof RemoveMemberSchema>;

/** Changing one's password: the current one, and a new one under the sign-up rules. */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
  newPassword,
});
export type ChangePasswordSchema = z.infer<typeof ChangePasswordSchema>;

/** Ending one of one's sessions from the account page. */
export const EndSessionSchema = z.object({
  sessionId: z.string({ error: "Choose a session." }).min(1, "Choose a session.").max(64),
});
export type EndSessionSchema = z.infer<typeof EndSessionSchema>;

/** Forms with nothing to send (sign out, sign out everywhere). */
export const NoInputSchema = z.object({});
export type NoInputSchema = z.infer<typeof NoInputSchema>;
