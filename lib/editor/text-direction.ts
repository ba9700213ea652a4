import { Extension } from "@tiptap/core";

export const TEXT_DIRECTIONS = ["auto", "ltr", "rtl"] as const;
export type TextDirection = (typeof TEXT_DIRECTIONS)[number];

/** The block nodes that carry their own direction, so Arabic and English paragraphs coexist. */
export const DIRECTIONAL_NODE_TYPES = [
  "paragraph",
  "heading",
  "blockquote",
  "listItem",
  "tableCell",
  "tableHeader",
] as const;

export function isTextDirection(value: unknown): value is TextDirection {
  return typeof value === "string" && (TEXT_DIRECTIONS as readonly string[]).includes(value);
}

/** Unknown or missing values fall back to "auto": the browser then decides from the first strong character. */
export function parseTextDirection(value: string | null | undefined): TextDirection {
  const lowered = value?.trim().toLowerCase();
  return isTextDirection(lowered) ? lowered : "auto";
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    blockDirection: {
      /** Sets the direction of every directional block touched by the selection. */
      setBlockDirection: (direction: TextDirection) => ReturnType;
    };
  }
}

/**
 * Per-block text direction: a `dir` attribute (auto | ltr | rtl, default auto) on the
 * directional blocks, round-tripped through the HTML `dir` attribute.
 *
 * Named "blockDirection" because Tiptap core has its own "textDirection" extension, driven
 * by the editor option `textDirection`, which puts one direction on every node: leave that
 * option unset, or it overrides the per-block attribute.
 */
export const TextDirectionExtension = Extension.create({
  name: "blockDirection",

  addGlobalAttributes() {
    return [
      {
        types: [...DIRECTIONAL_NODE_TYPES],
        attributes: {
          dir: {
            default: "auto",
            parseHTML: (element: HTMLElement) => parseTextDirection(element.getAttribute("dir")),
            renderHTML: (attributes: Record<string, unknown>) => ({
              dir: isTextDirection(attributes.dir) ? attributes.dir : "auto",
            }),
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setBlockDirection:
        (direction) =>
        ({ tr, state, dispatch }) => {
          if (!isTextDirection(direction)) return false;
          const types = new Set<string>(DIRECTIONAL_NODE_TYPES);
          const positions: number[] = [];
          let directionalBlocks = 0;
          for (const range of state.selection.ranges) {
            state.doc.nodesBetween(range.$from.pos, range.$to.pos, (node, pos) => {
              if (!types.has(node.type.name)) return;
              directionalBlocks += 1;
              if (node.attrs.dir !== direction) positions.push(pos);
            });
          }
          // Tiptap dispatches the shared transaction itself; only mutate it for a real run,
          // not for editor.can().
          if (dispatch) {
            for (const pos of positions) tr.setNodeAttribute(pos, "dir", direction);
          }
          // Applicable whenever the selection touches a directional block, even if it
          // already has this direction, so a toolbar toggle stays enabled.
          return directionalBlocks > 0;
        },
    };
  },
});
