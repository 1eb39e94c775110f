/**
 * A source typed as a web address, as the href of a link in the report; null for anything else
 * (only http and https: a javascript:, file: or data: address stays plain text).
 */
export function sourceLink(source: string): string | null {
  const text = source.trim();
  if (!/^https?:\/\/\S+$/i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
