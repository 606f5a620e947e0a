const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe inside HTML (or SVG) built in code — a table cell's `html`, a chart's label; templates
 * escape for themselves. The same entities Nunjucks writes, so built and templated text read alike.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
