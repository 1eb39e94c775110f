/**
 * What a message a person reads must not contain: a method or field name, a path into a request,
 * an internal id, a programmer's word, more than one line. A file's own keys and values are quoted
 * as the file spells them ("Unrecognized key: "toString""), and a file's problems name their place
 * in the file (decision.scores[3].value) for its author, so those are allowed.
 */
export function notInWords(message: string, internalIds: readonly number[] = []): string[] {
  const unquoted = message.replace(/"(?:[^"\\]|\\.)*"/g, '');
  const found: [boolean, string][] = [
    [/\b[a-z]+[A-Z][A-Za-z]*\b/.test(unquoted), 'a method or field name'],
    [!message.startsWith('The file: ') && /\[\d+\]|\.\w+\[|\w\.\w+:/.test(unquoted), 'a path into the request'],
    [internalIds.some((id) => message.includes(String(id))), 'an internal id'],
    [/\bid\b|\bundefined\b|\bNaN\b|\[object |\bnull\b/.test(unquoted), 'a programmer’s word'],
    [/\n/.test(message) || message.trim() === '', 'more than one line, or none'],
  ];
  return found.filter(([hit]) => hit).map(([, what]) => what);
}
