export { extensions, HEADING_LEVELS, type EditorSchemaOptions } from "./extensions";
export { isSafeLinkHref } from "./link-href";
export { editorSchema, YDOC_FRAGMENT } from "./schema";
export {
  DIRECTIONAL_NODE_TYPES,
  TEXT_DIRECTIONS,
  TextDirectionExtension,
  isTextDirection,
  parseTextDirection,
  type TextDirection,
} from "./text-direction";
export {
  proseMirrorNodeFromUpdate,
  proseMirrorNodeOfScratchDoc,
  proseMirrorNodeFromYDoc,
  updateToJson,
  yDocToJson,
} from "./to-json";
export { proseMirrorNodeToText, updateToText, yDocToText } from "./to-text";
