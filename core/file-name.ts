/**
 * A file name from a decision's title: the title as typed, minus the characters file systems
 * refuse and the bidirectional controls that could disguise an extension.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

export function fileNameFor(title: string, extension: string): string {
  const base = title.replace(UNSAFE_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${base || 'decision'}.${extension}`;
}
