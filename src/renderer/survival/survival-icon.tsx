// Line icon of the Survival entry (same drawing conventions as ui/icons.tsx): a Kaplan–Meier staircase.
export function SurvivalIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden>
      <path d="M2 13.5h12" />
      <path d="M2.5 2.5h3v3h2.5v2.5h2.5v2.5h3" />
    </svg>
  );
}
