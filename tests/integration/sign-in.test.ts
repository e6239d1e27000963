import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createUser } from "@/tests/factories/user";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/data/users";
import { UserError } from "@/lib/errors";

async function attempt(email: string, password: string, now?: Date) {
  try {
    return await authenticate(email, password, now);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one with the same message as an unknown email", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    expect(await attempt(user.email, "correct-horse-battery")).toMatchObject({ id: user.id });
    expect(await attempt(user.email, "wrong-password")).toBe(WRONG_CREDENTIALS);
    expect(await attempt("nobody-here@example.com", "wrong-password")).toBe(WRONG_CREDENTIALS);
  });

  it("limits failed attempts per email, even with the right password, until the window passes", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, `wrong-${i}`)).toBe(WRONG_CREDENTIALS);
    expect(await attempt(user.email, "correct-horse-battery")).toMatch(/Too many failed sign-in attempts.*Try again in 15 minutes/);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await attempt(user.email, "correct-horse-battery", later)).toMatchObject({ id: user.id });
  });
});
