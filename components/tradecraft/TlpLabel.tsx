import { isTlpMarking, tlpLabel } from "@/lib/tradecraft/tlp";

/**
 * The standard TLP label: capitals on black in the label's colour, never translated, kept
 * left-to-right inside Arabic text. No hooks: server pages and client components both use it.
 */
export function TlpLabel({ marking }: { marking: string | null | undefined }) {
  if (!isTlpMarking(marking)) return null;
  return (
    <span className="tlp-label" data-tlp={marking} data-testid="tlp-label" dir="ltr" translate="no">
      <bdi>{tlpLabel(marking)}</bdi>
    </span>
  );
}
