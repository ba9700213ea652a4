import { NextResponse } from "next/server";
import { NO_STORE, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Touches nothing else, so a database outage never restarts it. */
export const GET = route(async () => NextResponse.json({ ok: true }, { headers: NO_STORE }));
