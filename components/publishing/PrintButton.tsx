"use client";

/** Opens the browser's print dialog (the page has print styles: only the brief is printed). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="link-button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
