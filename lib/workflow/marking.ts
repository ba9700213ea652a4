/**
 * Handling markings (TLP 2.0) on a brief. Writers mark what they write, and may always make a
 * marking stricter; lowering one discloses more, so it is a publisher's decision
 * (brief.setVisibility), like the public link. Only TLP:CLEAR may be read through a public
 * link: the database holds that with a trigger, and this code says why first.
 * Every change is in the audit log.
 */
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type Member } from "@/lib/policy/can";
import {
  allowsPublicLink,
  isStricterMarking,
  isTlpMarking,
  type TlpMarking,
} from "@/lib/tradecraft/tlp";
import { briefResource } from "@/lib/briefs/load-brief";
import { lockBrief } from "./locked-brief";
import { recordTransition } from "./transitions";

export async function setMarking(member: Member, briefId: string, marking: unknown) {
  if (!isTlpMarking(marking)) throw new DomainError("validation");
  return db.$transaction(async (tx) => {
    const brief = await lockBrief(tx, member, briefId, "brief.mark");
    if (brief.tlp === marking) return { tlp: marking };
    if (
      !isStricterMarking(brief.tlp, marking) &&
      !can(member, "brief.setVisibility", briefResource(brief))
    ) {
      throw new DomainError("markingLowerNeedsApprover");
    }
    if (brief.publicLink && !allowsPublicLink(marking)) throw new DomainError("markingPublicLink");
    await tx.brief.update({ where: { id: brief.id }, data: { tlp: marking } });
    await recordTransition(tx, {
      briefId: brief.id,
      kind: "MARKING",
      from: brief.status,
      to: brief.status,
      actorId: member.userId,
      contentHash: null,
      data: { from: brief.tlp, to: marking },
    });
    return { tlp: marking };
  });
}

/** Refuses a public link on a brief whose marking does not allow one. */
export function assertPublicLinkAllowed(brief: { tlp: TlpMarking }, publicLink: boolean) {
  if (publicLink && !allowsPublicLink(brief.tlp)) throw new DomainError("markingPublicLink");
}
