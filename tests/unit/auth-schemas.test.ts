import { describe, expect, it } from "vitest";
import { CreateInvitationSchema, SignInFormSchema, SignInSchema, SignUpSchema } from "@/lib/schemas/auth";

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("SignInSchema", () => {
  it("trims and lower-cases the email", () => {
    expect(SignInSchema.parse({ email: "  Ana@Example.COM ", password: "x" })).toEqual({ email: "ana@example.com", password: "x" });
  });

  it("refuses a missing password and a malformed email with clear messages", () => {
    expect(messages(SignInSchema.safeParse({ email: "not-an-email", password: "" }))).toEqual({
      email: "Enter a valid email address, like name@example.com.",
      password: "Enter your password.",
    });
    expect(messages(SignInSchema.safeParse({}))).toMatchObject({ email: "Enter your email address." });
  });
});

describe("SignInFormSchema", () => {
  // The rule itself is safeCallbackPath's (tests/unit/callback-path.test.ts).
  it("sends a missing or foreign next page to the start page, so signing in still works", () => {
    expect(SignInFormSchema.parse({ email: "ana@example.com", password: "x", callbackUrl: "//evil.example" })).toEqual({
      email: "ana@example.com",
      password: "x",
      callbackUrl: "/",
    });
    expect(SignInFormSchema.parse({ email: "ana@example.com", password: "x" }).callbackUrl).toBe("/");
  });
});

describe("SignUpSchema", () => {
  const valid = { name: "Fiona", email: "fiona@example.com", password: "0123456789", workspaceName: "Flowers" };

  it("accepts a complete sign-up", () => {
    expect(SignUpSchema.parse(valid)).toEqual(valid);
  });

  it("refuses a short password, an empty name and an empty workspace name", () => {
    expect(messages(SignUpSchema.safeParse({ ...valid, password: "012345678", name: "  ", workspaceName: "" }))).toEqual({
      password: "Use at least 10 characters for the password.",
      name: "Enter your name.",
      workspaceName: "Name your workspace, e.g. your company's name.",
    });
  });

  it("bounds the lengths", () => {
    expect(messages(SignUpSchema.safeParse({ ...valid, name: "n".repeat(101), workspaceName: "w".repeat(81) }))).toEqual({
      name: "Use at most 100 characters for the name.",
      workspaceName: "Use at most 80 characters for the workspace name.",
    });
  });
});

describe("CreateInvitationSchema", () => {
  it("accepts a role with an optional email and coerces the days", () => {
    expect(CreateInvitationSchema.parse({ role: "MANAGER", email: "", expiresInDays: "7" })).toEqual({
      role: "MANAGER",
      email: undefined,
      expiresInDays: 7,
    });
    expect(CreateInvitationSchema.parse({ role: "ADMIN", email: "Boss@Example.com", expiresInDays: 1 })).toMatchObject({
      email: "boss@example.com",
    });
  });

  it("refuses an unknown role and out-of-range expiry", () => {
    expect(messages(CreateInvitationSchema.safeParse({ role: "OWNER", expiresInDays: 0 }))).toEqual({
      role: "Choose a role: Admin, Analyst, Manager or Interviewer.",
      expiresInDays: "The link must stay valid for at least 1 day.",
    });
    expect(messages(CreateInvitationSchema.safeParse({ role: "ANALYST", expiresInDays: 2.5 }))).toEqual({
      expiresInDays: "Use a whole number of days.",
    });
  });
});
