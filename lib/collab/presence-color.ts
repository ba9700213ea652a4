/** Shown when a collaborator's colour is missing or not a plain hex colour. */
export const FALLBACK_PRESENCE_COLOR = "#555555";

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Presence colours come from other people's browsers and end up in CSS (caret, avatar ring),
 * so only "#rgb" / "#rrggbb" is accepted: nothing that could smuggle url() or extra rules.
 */
export function isPresenceColor(value: unknown): value is string {
  return typeof value === "string" && HEX_COLOR.test(value);
}

export function presenceColor(value: unknown): string {
  return isPresenceColor(value) ? value : FALLBACK_PRESENCE_COLOR;
}

/** A stable colour per user, readable on white, so everyone sees the same caret colours. */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hslToHex(hash % 360, 0.7, 0.4);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
