export { extensions } from "./extensions";
export { isSafeLinkHref } from "./link-href";
export { editorSchema, YDOC_FRAGMENT } from "./schema";
export { updateToText } from "./to-text";
