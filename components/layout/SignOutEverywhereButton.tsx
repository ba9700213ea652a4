"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { signOutEverywhereAction } from "@/app/actions/sessions";

/** Ends every session of the account (other browsers, a lost laptop), then this one. */
export function SignOutEverywhereButton({ label, title }: { label: string; title: string }) {
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    try {
      await signOutEverywhereAction();
    } finally {
      // Whatever the outcome, this browser signs out: that is what the user asked for here.
      await signOut({ callbackUrl: "/signin" });
    }
  }
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={pending}
      title={title}
      data-testid="sign-out-everywhere"
    >
      {label}
    </button>
  );
}
