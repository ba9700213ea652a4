import { briefResource } from "../briefs/load-brief";
import { can, ROLES, type Role } from "../policy/can";

/**
 * The roles that may write to a brief's content, as can() decides, for a live brief and for
 * a soft-deleted one (for which can() lets nobody edit). Derived from the policy rather than
 * listed here, so the storage step never disagrees with the connection-time check.
 */
function editingRoles(deleted: boolean): Role[] {
  const brief = briefResource({
    workspaceId: "-",
    deletedAt: deleted ? new Date(0) : null,
    publicLink: false,
    viewersMayComment: false,
  });
  return ROLES.filter((role) => can({ userId: "-", workspaceId: "-", role }, "brief.edit", brief));
}

function roleArray(roles: Role[]): string {
  // Constants of the Role enum (capital letters only), never user input.
  const literals = roles.map((role) => {
    if (!/^[A-Z_]+$/.test(role)) throw new Error(`unexpected role ${role}`);
    return `'${role}'`;
  });
  return `ARRAY[${literals.join(", ")}]::"Role"[]`;
}

const LIVE_ROLES = roleArray(editingRoles(false));
const DELETED_ROLES = roleArray(editingRoles(true));

/**
 * One statement that appends `rows` updates to brief_updates, each row with an author only
 * if that author may edit the brief at the moment the row is stored, and returns the
 * ordinals (0-based) of the rows it refused. Parameters per row: brief id, update, author
 * (null for changes that add nothing, and for the server's own changes: never refused).
 *
 * Why this is race-free: the authors' membership rows are locked FOR SHARE in the same
 * statement as the INSERT. A removal or a role change (which lock the row for update) that
 * is still open makes the statement wait for it; once it commits, READ COMMITTED re-reads the
 * row's newest version and the author is refused. One that starts later waits for this
 * statement to commit, so whatever this stored was stored while the author could edit.
 * Membership rows are locked in id order so concurrent batches never wait on each other in
 * a cycle.
 */
export function guardedAppendSql(rows: number): string {
  const values = Array.from(
    { length: rows },
    (_, i) => `(${i}, $${i * 3 + 1}::uuid, $${i * 3 + 2}::bytea, $${i * 3 + 3}::uuid)`,
  );
  return `WITH incoming (ord, brief_id, update, user_id) AS (VALUES ${values.join(", ")}),
writers AS (
  SELECT b.id AS brief_id, m.user_id
  FROM briefs b JOIN memberships m ON m.workspace_id = b.workspace_id
  WHERE (b.id, m.user_id) IN (SELECT brief_id, user_id FROM incoming WHERE user_id IS NOT NULL)
    AND m.role = ANY (CASE WHEN b.deleted_at IS NULL THEN ${LIVE_ROLES} ELSE ${DELETED_ROLES} END)
  ORDER BY m.id
  FOR SHARE OF m
),
stored AS (
  INSERT INTO brief_updates (brief_id, update, user_id)
  SELECT i.brief_id, i.update, i.user_id FROM incoming i
  WHERE i.user_id IS NULL OR (i.brief_id, i.user_id) IN (SELECT brief_id, user_id FROM writers)
  ORDER BY i.ord
  RETURNING 1
)
SELECT i.ord FROM incoming i
WHERE i.user_id IS NOT NULL
  AND (i.brief_id, i.user_id) NOT IN (SELECT brief_id, user_id FROM writers)`;
}
