import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createUser } from "@/tests/factories/user";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/data/users";
import { clientAddressFrom, CLIENT_ADDRESS_HEADER, normaliseAddress } from "@/lib/auth/client-address";
import { UserError } from "@/lib/errors";

async function attempt(email: string, password: string, address: string | null, now?: Date) {
  try {
    return await authenticate(email, password, address, now);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}

let nextAddress = 1;
/** A client address no other test in this file uses (TEST-NET-3). */
function freshAddress(): string {
  const n = nextAddress++;
  return `203.0.113.${n}`;
}

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one with the same message as an unknown email", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    const address = freshAddress();
    expect(await attempt(user.email, "correct-horse-battery", address)).toMatchObject({ id: user.id });
    expect(await attempt(user.email, "wrong-password", address)).toBe(WRONG_CREDENTIALS);
    expect(await attempt("nobody-here@example.com", "wrong-password", address)).toBe(WRONG_CREDENTIALS);
  });

  it("records each attempt with its client address", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    const address = freshAddress();
    await attempt(user.email, "wrong-password", address);
    expect(await testDb().signInAttempt.findMany({ where: { email: user.email }, select: { clientAddress: true, succeeded: true } })).toEqual([
      { clientAddress: address, succeeded: false },
    ]);
  });

  // Regression: five wrong passwords for an email locked its owner out too, from anywhere.
  it("wrong passwords from one address lock that address out of the email; the owner elsewhere still signs in", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    const attacker = freshAddress();
    const owner = freshAddress();
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, `wrong-${i}`, attacker)).toBe(WRONG_CREDENTIALS);
    // The attacking address is refused for this email, even with the right password...
    expect(await attempt(user.email, "correct-horse-battery", attacker)).toMatch(
      /^Too many failed sign-in attempts for this email\. Try again in 15 minutes\.$/,
    );
    // ...while the owner, from their own address, gets in.
    expect(await attempt(user.email, "correct-horse-battery", owner)).toMatchObject({ id: user.id });
  });

  it("while an email is locked, each further address gets one wrong guess and is then refused", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    const attacker = freshAddress();
    for (let i = 0; i < 5; i++) await attempt(user.email, `wrong-${i}`, attacker);
    const second = freshAddress();
    expect(await attempt(user.email, "another-guess", second)).toBe(WRONG_CREDENTIALS);
    expect(await attempt(user.email, "correct-horse-battery", second)).toMatch(/Too many failed sign-in attempts for this email/);
    // The window passes: everyone may try again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await attempt(user.email, "correct-horse-battery", attacker, later)).toMatchObject({ id: user.id });
  });

  it("limits failures per address across emails, even for an account with the right password", async () => {
    const attacker = freshAddress();
    // 20 failures spread over emails that never reach their own limit of 5.
    for (let i = 0; i < 20; i++) expect(await attempt(`spray-${i % 10}-${attacker}@example.com`, "guess", attacker)).toBe(WRONG_CREDENTIALS);
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    expect(await attempt(user.email, "correct-horse-battery", attacker)).toMatch(
      /^Too many failed sign-in attempts from your network\. Try again in 15 minutes\.$/,
    );
    // Another address is not affected, and a success does not clear the address's count.
    expect(await attempt(user.email, "correct-horse-battery", freshAddress())).toMatchObject({ id: user.id });
    expect(await attempt(user.email, "correct-horse-battery", attacker)).toMatch(/from your network/);
    expect(await attempt(user.email, "correct-horse-battery", attacker, new Date(Date.now() + 16 * 60_000))).toMatchObject({ id: user.id });
  });

  it("without a known client address, the email's limit refuses everyone (the last resort)", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    for (let i = 0; i < 5; i++) await attempt(user.email, `wrong-${i}`, null);
    expect(await attempt(user.email, "correct-horse-battery", null)).toMatch(/Too many failed sign-in attempts for this email/);
  });
});

describe("the client address of a request", () => {
  const request = (values: Record<string, string>) => new Headers(values);

  it("is the connection's address, and X-Forwarded-For is ignored without CXMAP_TRUST_PROXY", () => {
    const headers = request({ [CLIENT_ADDRESS_HEADER]: "198.51.100.20", "x-forwarded-for": "203.0.113.99" });
    expect(clientAddressFrom(headers, 0)).toBe("198.51.100.20");
    expect(clientAddressFrom(request({ "x-forwarded-for": "203.0.113.99" }), 0)).toBeNull();
  });

  it("with trusted proxies, is the entry the nearest untrusted hop wrote, never one the client made up", () => {
    // The client sent "1.2.3.4"; our proxy appended the address it saw (203.0.113.7).
    const headers = request({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.7" });
    expect(clientAddressFrom(headers, 1)).toBe("203.0.113.7");
    // Two proxies: the first appended the client, the second the first proxy.
    expect(clientAddressFrom(request({ "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.9" }), 2)).toBe("203.0.113.7");
    // No header from the proxy: the connection's address.
    expect(clientAddressFrom(request({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("is normalised into a limit key: mapped IPv4 as IPv4, IPv6 as its /64, garbage as unknown", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("[2001:db8:1:2::5]")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("not an address")).toBeNull();
  });

  it("makes an address's failures count for the one address, whatever X-Forwarded-For claims", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    const connection = freshAddress();
    for (let i = 0; i < 5; i++) {
      // A client rotating made-up X-Forwarded-For values, with no trusted proxy.
      const address = clientAddressFrom(request({ [CLIENT_ADDRESS_HEADER]: connection, "x-forwarded-for": `192.0.2.${i}` }), 0);
      expect(await attempt(user.email, `wrong-${i}`, address)).toBe(WRONG_CREDENTIALS);
    }
    const spoofed = clientAddressFrom(request({ [CLIENT_ADDRESS_HEADER]: connection, "x-forwarded-for": "192.0.2.200" }), 0);
    expect(await attempt(user.email, "correct-horse-battery", spoofed)).toMatch(/Too many failed sign-in attempts/);
  });
});
