import { NextResponse } from "next/server";
import type { SessionUser } from "@/lib/auth/session";
import { isDomainError, type ErrorCode } from "@/lib/errors/domain-error";
import { can, type Member, type WorkspaceAction } from "@/lib/policy/can";
import { observeRequest } from "@/lib/ops/http-metrics";
import { findWorkspaceAccess, type WorkspaceAccess } from "@/lib/workspaces/queries";
import { crossSiteReason } from "./cross-site";
import { requestUser } from "./request-user";

export const NO_STORE = { "Cache-Control": "no-store" };

/** What Next passes a route handler besides the request. */
type RouteContext<P> = { params: Promise<P> };
export type RouteHandler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

/** A refusal or failure as JSON, in the shape forms already read (`ActionResult`). */
export function errorJson(
  status: number,
  code: ErrorCode | "unexpected",
  values: Record<string, string | number> = {},
  message?: string,
): Response {
  return NextResponse.json(
    { ok: false, error: { code, values }, ...(message ? { message } : {}) },
    { status, headers: NO_STORE },
  );
}

/**
 * The one wrapper every route handler goes through. A state-changing request sent by
 * another site is refused (403) before anything else runs; domain errors thrown by the
 * handler become JSON with their status, anything else is logged and answered 500.
 */
export function route<P>(
  handler: (request: Request, params: P) => Promise<Response>,
): RouteHandler<P> {
  return async (request, context) => {
    const startedAt = performance.now();
    const response = closeAfterRefusedUpload(request, await answer(request, context));
    // Latency by route and one log line per request (lib/ops/http-metrics.ts).
    observeRequest(request, response.status, startedAt);
    return response;
  };
  async function answer(request: Request, context: RouteContext<P>): Promise<Response> {
    const crossSite = crossSiteReason(request);
    if (crossSite) {
      return errorJson(403, "crossSite", {}, `Cross-site request refused: ${crossSite}.`);
    }
    try {
      return await handler(request, await context.params);
    } catch (error) {
      if (isDomainError(error)) return errorJson(error.status, error.code, error.values);
      console.error("[route]", request.method, new URL(request.url).pathname, error);
      return errorJson(500, "unexpected");
    }
  }
}

/**
 * A refused request may still be sending its body (a viewer's 100 MB upload). Answering
 * does not stop it, and the server would otherwise receive and discard the rest to reuse
 * the connection: closing the connection after the answer ends the upload there.
 */
function closeAfterRefusedUpload(request: Request, response: Response): Response {
  if (response.status >= 400 && request.body !== null && !response.headers.has("connection")) {
    try {
      response.headers.set("Connection", "close");
    } catch {
      // Immutable headers (a fetched response passed through): leave them as they are.
    }
  }
  return response;
}

export type UserRouteContext<P> = { request: Request; params: P; user: SessionUser };

/** A route for signed-in users (401 otherwise); the handler asks `can()` for its resource. */
export function userRoute<P>(
  handler: (ctx: UserRouteContext<P>) => Promise<Response>,
): RouteHandler<P> {
  return route(async (request, params: P) => {
    const user = await requestUser(request);
    if (!user) return errorJson(401, "unauthenticated");
    return handler({ request, params, user });
  });
}

export type VisitorRouteContext<P> = {
  request: Request;
  params: P;
  /** Null for a visitor who is not signed in. */
  user: SessionUser | null;
};

/** A route open to visitors too (the published reader's downloads); the handler decides. */
export function visitorRoute<P>(
  handler: (ctx: VisitorRouteContext<P>) => Promise<Response>,
): RouteHandler<P> {
  return route(async (request, params: P) =>
    handler({ request, params, user: await requestUser(request) }),
  );
}

export type WorkspaceRouteContext<P> = UserRouteContext<P> & WorkspaceAccess & { member: Member };

/**
 * A route under a workspace (`params.workspace` is its slug) for members who may
 * `permission`: signed out → 401, not a member → 404 (the workspace's existence does not
 * leak), a member without the permission → 403. All of this is decided from the headers,
 * before the handler reads a byte of the body.
 */
export function workspaceRoute<P extends { workspace: string }>(
  permission: WorkspaceAction,
  handler: (ctx: WorkspaceRouteContext<P>) => Promise<Response>,
): RouteHandler<P> {
  return userRoute<P>(async ({ request, params, user }) => {
    const access = await findWorkspaceAccess(params.workspace, user.id);
    if (!access) return errorJson(404, "notFound");
    if (!can(access.member, permission, { kind: "workspace", id: access.workspace.id })) {
      return errorJson(403, "forbidden");
    }
    return handler({ request, params, user, ...access });
  });
}
