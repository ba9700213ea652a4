/**
 * Traffic Light Protocol 2.0 (FIRST, August 2022) handling markings. The label is never
 * translated, and in right-to-left text it is isolated as left-to-right so "TLP:AMBER+STRICT"
 * keeps its order inside Arabic.
 */
export const TLP_MARKINGS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"] as const;
export type TlpMarking = (typeof TLP_MARKINGS)[number];

/** Label colours on a black (#000000) background, from the MISP `tlp` taxonomy. */
export const TLP_COLOURS: Record<TlpMarking, string> = {
  CLEAR: "#FFFFFF",
  GREEN: "#33FF00",
  AMBER: "#FFC000",
  "AMBER+STRICT": "#FFC000",
  RED: "#FF2B2B",
};

export function isTlpMarking(value: unknown): value is TlpMarking {
  return typeof value === "string" && (TLP_MARKINGS as readonly string[]).includes(value);
}

/** "TLP:AMBER+STRICT": capitals, no spaces. */
export function tlpLabel(marking: TlpMarking): string {
  return `TLP:${marking}`;
}

/** The label wrapped in a left-to-right isolate, for right-to-left text. */
export function isolatedTlpLabel(marking: TlpMarking): string {
  return `\u2066${tlpLabel(marking)}\u2069`;
}

/** Only TLP:CLEAR may be disclosed without limit, so only it may have a public link. */
export function allowsPublicLink(marking: TlpMarking): boolean {
  return marking === "CLEAR";
}

/** The marking as a file-name part: "TLP-AMBER-STRICT". */
export function tlpFileTag(marking: TlpMarking): string {
  return `TLP-${marking.replace("+", "-")}`;
}

/** CLEAR is the least restrictive marking, RED the most. */
export function isStricterMarking(than: TlpMarking, marking: TlpMarking): boolean {
  return TLP_MARKINGS.indexOf(marking) > TLP_MARKINGS.indexOf(than);
}
