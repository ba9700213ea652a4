"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { presenceColor } from "@/lib/collab/presence-color";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { setEditorModeAction } from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/suggestion-actions";
import { CommentsPanel } from "@/components/comments/CommentsPanel";
import { SnapshotRestorer } from "@/components/history/SnapshotRestorer";
import { withIncidentViews } from "@/components/incidents/with-incident-views";
import { CitationNotes } from "@/components/sources/CitationNotes";
import { CitationPicker } from "@/components/sources/CitationPicker";
import { CitationCardKeys, citationWithView } from "@/components/sources/citation-view";
import { ModeToggle } from "@/components/suggestions/ModeToggle";
import { SuggestMode } from "@/components/suggestions/suggest-mode";
import { withSuggestionColors } from "@/components/suggestions/suggestion-colors";
import { SuggestionsPanel } from "@/components/suggestions/SuggestionsPanel";
import { useWorkflowSignal } from "@/components/workflow/workflow-signal";
import type { AccessEndReason } from "@/lib/collab/access-signal";
import { extensions, YDOC_FRAGMENT } from "@/lib/editor";
import { ConnectionStatus } from "./ConnectionStatus";
import { LinkShortcut } from "./link-shortcut";
import { PresenceList } from "./PresenceList";
import { SlashMenu } from "./SlashMenu";
import { Toolbar } from "./Toolbar";
import { useCollabSession, userColor, type CollabSession } from "./use-collab-session";

type Props = {
  briefId: string;
  collabUrl: string;
  user: { id: string; name: string };
  readOnly: boolean;
  /** When set, the comments side panel and the highlights of commented text are shown. */
  comments?: { workspaceSlug: string };
  language: string;
  direction: "ltr" | "rtl";
  /** When set, suggestion mode: the saved mode, the suggestions panel beside the comments. */
  suggestions?: { workspaceSlug: string; initialMode: "editing" | "suggesting" };
};

export function BriefEditor(props: Props) {
  const t = useTranslations("editor");
  const session = useCollabSession(props.briefId, props.collabUrl);
  if (!session) {
    return (
      <p className="muted" role="status">
        {t("loading")}
      </p>
    );
  }
  return <CollaborativeEditor key={session.doc.guid} session={session} {...props} />;
}

/** The alert for each way access can end while the brief is open (lib/collab/access-signal.ts). */
const ENDED_MESSAGE = {
  "access-removed": "ended.accessRemoved",
  "brief-deleted": "ended.briefDeleted",
  "session-revoked": "ended.sessionRevoked",
} as const satisfies Record<AccessEndReason, string>;

function CollaborativeEditor({
  session,
  briefId,
  comments,
  user,
  readOnly: pageReadOnly,
  language,
  direction,
  suggestions,
}: Props & { session: CollabSession }) {
  const t = useTranslations("editor");
  const tsg = useTranslations("suggestions");
  const mode = useSuggestingMode(briefId, suggestions);
  useWorkflowSignal(session.provider);
  const roleChange = useRoleChange(session.readOnly, pageReadOnly);
  // The collab server has the last word: it may have changed since the page was rendered.
  const readOnly = session.ended !== null || (session.readOnly ?? pageReadOnly);
  const tc = useTranslations("sources.cite");
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        // The citation node gets its browser view (footnote numbers, Mod-Shift-C).
        // Incident embeds get their live React views.
        ...withSuggestionColors(withIncidentViews(extensions())).map((e) =>
          e.name === "citation"
            ? citationWithView({ note: (note) => tc("noteLabel", { note }) })
            : e,
        ),
        CitationCardKeys,
        SuggestMode.configure({
          author: { id: user.id, name: user.name },
          onToggle: (next) => mode.onToggle.current(next),
          onRefused: () => mode.onRefused.current(),
        }),
        Placeholder.configure({ placeholder: t("placeholder") }),
        LinkShortcut.configure({
          ask: (current) => window.prompt(t("linkPrompt"), current),
          refuse: () => window.alert(t("linkRefused")),
        }),
        Collaboration.configure({ document: session.doc, field: YDOC_FRAGMENT }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { id: user.id, name: user.name, color: userColor(user.id) },
          // Other people's colours are checked before they reach a style attribute.
          render: renderCaret,
          selectionRender: (peer: Record<string, unknown>) => ({
            nodeName: "span",
            class: "collaboration-carets__selection",
            style: `background-color: ${presenceColor(peer.color)}33`,
          }),
        }),
      ],
      editorProps: {
        attributes: {
          class: "editor-content",
          lang: language,
          dir: direction,
          "aria-label": t("label"),
          "aria-readonly": String(readOnly),
          "data-testid": "editor",
        },
      },
    },
    [session.doc, session.provider],
  );
  useEffect(() => {
    if (!editor) return;
    if (editor.isEditable === readOnly) editor.setEditable(!readOnly);
    editor.commands.setSuggesting(mode.suggesting && !readOnly);
    editor.view.dom.classList.toggle("is-suggesting", mode.suggesting && !readOnly);
    // Set once from the options when the editor was made; keep it true to what it is now.
    editor.view.dom.setAttribute("aria-readonly", String(readOnly));
  }, [editor, readOnly, mode.suggesting]);

  return (
    <div className="editor" data-testid="brief-editor">
      <div className="editor-bar">
        {editor && !readOnly && <Toolbar editor={editor} />}
        {editor && !readOnly && suggestions && (
          <ModeToggle suggesting={mode.suggesting} onChange={mode.change} />
        )}
        <span className="spacer" />
        <PresenceList provider={session.provider} />
        <ConnectionStatus state={session.state} />
      </div>
      {session.state === "denied" && (
        <p className="error" role="alert" data-testid="access-ended">
          {session.ended ? t(ENDED_MESSAGE[session.ended]) : t("denied")}
        </p>
      )}
      {mode.suggesting && !readOnly && (
        <p className="banner suggesting-banner" role="status" data-testid="suggesting-indicator">
          {tsg("indicator")}
        </p>
      )}
      {mode.refused && (
        <p className="banner warning" role="alert" data-testid="suggestion-refused">
          {tsg("refused")}
        </p>
      )}
      {roleChange && !session.ended && (
        <p className="banner" role="status" data-testid="role-changed">
          {t(roleChange === "readOnly" ? "nowReadOnly" : "nowEditable")}
        </p>
      )}
      {editor && !readOnly && (
        // Applies ?restore=<snapshotId> (from the draft history) as a live edit.
        <SnapshotRestorer
          editor={editor}
          doc={session.doc}
          briefId={briefId}
          state={session.state}
        />
      )}
      <div className="editor-body">
        <EditorContent editor={editor} className="document" />
        {editor && (comments || suggestions) && (
          <div className="side-panels">
            {suggestions && (
              <SuggestionsPanel
                editor={editor}
                briefId={briefId}
                userId={user.id}
                canDecide={!readOnly}
              />
            )}
            {comments && (
              <CommentsPanel
                editor={editor}
                provider={session.provider}
                briefId={briefId}
                workspaceSlug={comments.workspaceSlug}
              />
            )}
          </div>
        )}
      </div>
      {editor && !readOnly && <SlashMenu editor={editor} />}
      {editor && !readOnly && <CitationPicker editor={editor} />}
      {editor && (
        <CitationNotes editor={editor} doc={session.doc} briefId={briefId} canEdit={!readOnly} />
      )}
    </div>
  );
}

/**
 * Whether the user's role changed while the brief is open, as the collab server says: the
 * page then refreshes (its buttons and panels were rendered for the old role) and this says
 * what changed.
 */
function useRoleChange(
  serverReadOnly: boolean | null,
  pageReadOnly: boolean,
): "readOnly" | "editable" | null {
  const router = useRouter();
  const previous = useRef<boolean | null>(null);
  const [change, setChange] = useState<"readOnly" | "editable" | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = serverReadOnly;
    if (serverReadOnly === null) return;
    // The first answer only disagrees with the page when the role changed in between.
    const was = before ?? pageReadOnly;
    if (was === serverReadOnly) return;
    setChange(serverReadOnly ? "readOnly" : "editable");
    router.refresh();
  }, [serverReadOnly, pageReadOnly, router]);
  return change;
}

/**
 * The person's mode on this brief (Editing / Suggesting), saved for them on every change
 * (the toolbar or Ctrl/Cmd+Alt+S), and the notice for an edit that cannot be suggested.
 */
function useSuggestingMode(briefId: string, options: Props["suggestions"]) {
  const [suggesting, setSuggesting] = useState(options?.initialMode === "suggesting");
  const [refused, setRefused] = useState(false);
  const slug = options?.workspaceSlug;
  const change = useCallback(
    (next: boolean) => {
      if (!slug) return;
      setSuggesting(next);
      void setEditorModeAction(slug, { briefId, mode: next ? "suggesting" : "editing" });
    },
    [slug, briefId],
  );
  // The editor's extensions are made once; they call the current callbacks through refs.
  const onToggle = useRef(change);
  const onRefused = useRef(() => setRefused(true));
  useEffect(() => {
    onToggle.current = change;
  }, [change]);
  useEffect(() => {
    if (!refused) return;
    const timer = setTimeout(() => setRefused(false), 8000);
    return () => clearTimeout(timer);
  }, [refused]);
  return { suggesting, change, refused, onToggle, onRefused };
}

/** A collaborator's caret and name label, coloured only with a checked hex colour. */
function renderCaret(peer: Record<string, unknown>): HTMLElement {
  const color = presenceColor(peer.color);
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = color;
  const label = document.createElement("div");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.textContent = typeof peer.name === "string" ? peer.name : "";
  caret.append(label);
  return caret;
}
