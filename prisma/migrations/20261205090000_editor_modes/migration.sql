-- Each person's editing mode per brief (Editing / Suggesting). The runtime role gets its
-- grants after every migration (lib/db/runtime-role.ts).
CREATE TABLE "editor_modes" (
    "user_id" UUID NOT NULL,
    "brief_id" UUID NOT NULL,
    "suggesting" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "editor_modes_pkey" PRIMARY KEY ("user_id","brief_id")
);
