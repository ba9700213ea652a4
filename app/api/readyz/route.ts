import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { NO_STORE, route } from "@/lib/http/route";
import { checkReadiness, processChecks } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 while the database (and Redis, when configured) answer, else 503. */
export const GET = route(async () => {
  const readiness = await checkReadiness(
    processChecks({ client: db, redisUrl: process.env.REDIS_URL }),
  );
  return NextResponse.json(readiness, { status: readiness.ok ? 200 : 503, headers: NO_STORE });
});
