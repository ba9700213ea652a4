import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/policy/can";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation" }).max(320)),
  role: z.enum(ROLES),
});

export const roleSchema = z.enum(ROLES);

export const acceptInvitationSchema = z.object({
  name: z.string().trim().max(120).optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { error: "passwordTooShort" })
    .max(1024, { error: "validation" }),
});
