// A few line icons drawn inline (no icon font, no network).
const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true } as const;

export function LibraryIcon() {
  return (
    <svg {...common}>
      <rect x="2" y="2.5" width="3" height="11" rx="0.5" />
      <rect x="6.5" y="2.5" width="3" height="11" rx="0.5" />
      <path d="M11 3.2l2.6-.7 2 10.6-2.6.6z" />
    </svg>
  );
}

export function FileIcon() {
  return (
    <svg {...common}>
      <path d="M4 1.8h5l3 3v9.4H4z" />
      <path d="M9 1.8v3h3" />
    </svg>
  );
}

export function UploadIcon() {
  return (
    <svg {...common}>
      <path d="M8 11V2.5M4.8 5.6L8 2.4l3.2 3.2M2.5 10.5v3h11v-3" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg {...common}>
      <path d="M8 2.5V11M4.8 7.8L8 11l3.2-3.2M2.5 10.5v3h11v-3" />
    </svg>
  );
}

export function PlusIcon() {
  return (
    <svg {...common}>
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

export function ArrowIcon({ direction }: { direction: 'up' | 'down' | 'none' }) {
  if (direction === 'none') return <svg {...common} width={10} height={10}><path d="M4 6l4-3 4 3M4 10l4 3 4-3" /></svg>;
  return (
    <svg {...common} width={10} height={10}>
      <path d={direction === 'up' ? 'M3 10l5-5 5 5' : 'M3 6l5 5 5-5'} />
    </svg>
  );
}

/** Three dots: a menu of more actions. */
export function MoreIcon() {
  return (
    <svg {...common} fill="currentColor" stroke="none">
      <circle cx="3" cy="8" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
    </svg>
  );
}
