/** The small page the unsubscribe web app answers with; the message is escaped, never markup. */
export function textPage(title: string, message: string): GoogleAppsScript.HTML.HtmlOutput {
  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return HtmlService.createHtmlOutput(
    `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><p style="font-family:sans-serif;margin:2em">${escapeHtml(message)}</p>`,
  ).setTitle(title);
}
