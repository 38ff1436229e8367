// Line icon of the Countries entry (same drawing conventions as ui/icons.tsx): a globe.
export function CountriesIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden>
      <circle cx={8} cy={8} r={5.75} />
      <path d="M2.25 8h11.5" />
      <path d="M8 2.25c1.8 1.6 2.6 3.5 2.6 5.75S9.8 12.15 8 13.75C6.2 12.15 5.4 10.25 5.4 8S6.2 3.85 8 2.25z" />
    </svg>
  );
}
