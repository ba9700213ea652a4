-- The audit log also records who changed the visibility of published versions.
ALTER TYPE "TransitionKind" ADD VALUE 'VISIBILITY';
