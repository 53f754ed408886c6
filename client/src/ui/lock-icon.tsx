// The lock, drawn: an emoji renders as an empty box where no emoji font is installed (a
// projector PC, a kiosk). Decorative beside words that say "locked"; with `label`, an image
// with that name for where it stands alone.
export function LockIcon({ label }: { label?: string }) {
  const a11y = label
    ? ({ role: 'img', 'aria-label': label } as const)
    : ({ 'aria-hidden': true } as const)
  return (
    <svg
      className="lock-icon"
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      style={{ verticalAlign: '-0.125em' }}
      {...a11y}
    >
      <rect x="2.75" y="7" width="10.5" height="7.25" rx="1.5" fill="currentColor" />
      <path d="M5 7V4.75a3 3 0 0 1 6 0V7" />
    </svg>
  )
}
