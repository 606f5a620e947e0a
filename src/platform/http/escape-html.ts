/** Text made safe inside HTML built in code (a table cell's `html`); templates escape for themselves. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
