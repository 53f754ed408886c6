// An anchor that navigates inside the app without a page load (new-tab clicks are left alone).
import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { isModifiedClick, navigate } from '../lib/navigation'

export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (isModifiedClick(event) || rest.target === '_blank') return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={handleClick} {...rest} />
}
