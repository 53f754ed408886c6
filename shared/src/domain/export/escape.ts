// Escaping for the HTML export: every piece of text goes through here on its way into markup.

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Text as HTML text or as a quoted attribute value: `& < > " '` become entities, so nothing a
 * person typed can open a tag, close an attribute or start an entity.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}
