// Line icon of the Models entry (same drawing conventions as ui/icons.tsx).
export function ModelsIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden>
      <path d="M2 13.5h12" />
      <path d="M3.5 11l3-4 3 2 4-5.5" />
      <circle cx="3.5" cy="11" r="0.9" />
      <circle cx="6.5" cy="7" r="0.9" />
      <circle cx="9.5" cy="9" r="0.9" />
      <circle cx="13.5" cy="3.5" r="0.9" />
    </svg>
  );
}
