import { describe, expect, it } from "vitest";
import { isOidcEnabled, oidcProvider } from "./oidc";

describe("optional OIDC sign-in", () => {
  it("is off unless issuer, client id and secret are all set", () => {
    expect(oidcProvider({ NODE_ENV: "test" })).toEqual([]);
    expect(
      isOidcEnabled({ NODE_ENV: "test", OIDC_ISSUER: "https://sso.example.org/realms/desk" }),
    ).toBe(false);
  });

  it("discovers the issuer's endpoints and asks for email and profile", () => {
    const [provider] = oidcProvider({
      NODE_ENV: "test",
      OIDC_ISSUER: "https://sso.example.org/realms/desk/",
      OIDC_CLIENT_ID: "briefroom",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: "Keycloak",
    });
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Keycloak",
      type: "oauth",
      wellKnown: "https://sso.example.org/realms/desk/.well-known/openid-configuration",
      clientId: "briefroom",
      authorization: { params: { scope: "openid email profile" } },
    });
  });
});
