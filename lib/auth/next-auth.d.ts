import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: {
      id?: string;
      name?: string | null;
      email?: string | null;
      /** User.sessionVersion when the session was issued; checked on every request. */
      sessionVersion?: number;
    };
  }
  interface User {
    /** Set by the credentials provider so the session starts at the account's version. */
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** User.sessionVersion when the session was issued. */
    sv?: number;
  }
}
