import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { UNKNOWN_IP } from "@/lib/auth/client-ip";
import { authorizeCredentials, SIGN_IN_ERRORS } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { LOGIN_MAX_FAILURES } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import {
  acceptInvitation,
  INVITATION_FAILURES_PER_IP,
  INVITATION_FAILURES_PER_TOKEN,
} from "./accept-invitation";
import { inviteMember } from "./service";

withTestDatabase("accept-invitation");

const PASSWORD = "correct horse battery";
let admin: Member;
const previousTrustProxy = process.env.TRUST_PROXY;

beforeAll(async () => {
  process.env.AUTH_SECRET = "invitation-test-secret-0123456789abcdef0123";
  ({
    members: { ADMIN: admin },
  } = await workspaceWith(["ADMIN"]));
});
afterEach(() => {
  if (previousTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = previousTrustProxy;
});

/** An invitation for someone who already has a Briefroom account (so a password is checked). */
async function invitationForExistingAccount(): Promise<{ token: string; email: string }> {
  const email = `existing-${randomUUID().slice(0, 8)}@example.test`;
  await db.user.create({
    data: { email, name: "Existing", passwordHash: await hashPassword(PASSWORD) },
  });
  const { token } = await inviteMember(admin, { email, role: "EDITOR" });
  return { token, email };
}

async function newcomerInvitation(): Promise<string> {
  const email = `newcomer-${randomUUID().slice(0, 8)}@example.test`;
  return (await inviteMember(admin, { email, role: "VIEWER" })).token;
}

describe("accepting an invitation is throttled", () => {
  it("stops password guessing through one invitation link, from any address", async () => {
    const { token } = await invitationForExistingAccount();
    for (let i = 0; i < INVITATION_FAILURES_PER_TOKEN.max; i++) {
      expect(
        await domainCode(
          acceptInvitation(
            token,
            { password: "a wrong guess, long enough" },
            { ip: `203.0.113.${i}` },
          ),
        ),
      ).toBe("wrongPassword");
    }
    expect(
      await domainCode(acceptInvitation(token, { password: PASSWORD }, { ip: "192.0.2.77" })),
    ).toBe("rateLimited");
  });

  it("stops one address trying link after link, and not the others", async () => {
    for (let i = 0; i < INVITATION_FAILURES_PER_IP.max; i++) {
      expect(
        await domainCode(
          acceptInvitation(`made-up-${i}`, { password: PASSWORD }, { ip: "198.51.100.9" }),
        ),
      ).toBe("invitationInvalid");
    }
    const token = await newcomerInvitation();
    expect(
      await domainCode(
        acceptInvitation(token, { name: "N", password: PASSWORD }, { ip: "198.51.100.9" }),
      ),
    ).toBe("rateLimited");
    expect(
      await domainCode(
        acceptInvitation(token, { name: "N", password: PASSWORD }, { ip: "192.0.2.80" }),
      ),
    ).toBe("ok");
  });

  it("counts wrong passwords against the account as failed sign-ins do", async () => {
    process.env.TRUST_PROXY = "1";
    const attacker = "203.0.113.200";
    const { token, email } = await invitationForExistingAccount();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await domainCode(
        acceptInvitation(token, { password: "a wrong guess, long enough" }, { ip: attacker }),
      );
    }
    const signIn = (ip: string) =>
      authorizeCredentials(
        { email, password: PASSWORD },
        { headers: { "x-forwarded-for": ip } },
      ).catch((error: Error) => error.message);
    expect(await signIn(attacker)).toBe(SIGN_IN_ERRORS.rateLimited);
    // The account's owner, elsewhere, is not locked out.
    expect(await signIn("192.0.2.81")).toMatchObject({ email });
  });

  it("without a trusted address, strangers' made-up links block no one's invitation", async () => {
    for (let i = 0; i < INVITATION_FAILURES_PER_IP.max; i++) {
      await domainCode(acceptInvitation(`junk-${i}`, { password: PASSWORD }, { ip: UNKNOWN_IP }));
    }
    const token = await newcomerInvitation();
    expect(
      await domainCode(
        acceptInvitation(token, { name: "M", password: PASSWORD }, { ip: UNKNOWN_IP }),
      ),
    ).toBe("ok");
  });
});
