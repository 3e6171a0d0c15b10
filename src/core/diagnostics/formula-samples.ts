/**
 * Sample clients, purchases and rules for the Diagnostics formula check: the
 * add-on writes them into a scratch tab with the formulas it uses for segment
 * tabs, and compares what Google computes with compileRule, row by row. The
 * samples are the cases where a spreadsheet and JavaScript tend to disagree:
 * numbers stored as text with a comma or a point, dates as Date cells and as
 * text in two formats, case and extra spaces, Cyrillic, blanks, formula-
 * looking text and purchase sums around the edge of a period.
 */
export const SAMPLE_HEADER = ['ID', 'Stage', 'City', 'Amount', 'Last contact', 'Notes'] as const;

const DAY = 86_400_000;

/**
 * Rows of the sample clients, dates relative to `today`. Written with
 * setValues, so Sheets parses them like typed input ("'=1+1" stays the text
 * =1+1); both back ends are then judged on the values read back.
 */
export function sampleClients(today: Date): unknown[][] {
  const ago = (days: number) => new Date(today.getTime() - days * DAY);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const dotted = (d: Date) => iso(d).split('-').reverse().join('.');
  return [
    ['D1', 'Hot', 'St. Petersburg', 600, ago(10), 'VIP customer'],
    ['D2', ' hot ', 'санкт-петербург', '500', ago(120), ''],
    ['D3', 'Warm', 'Москва', '12,5', iso(ago(95)), "'=1+1"],
    ['D4', 'HOT', ' st.  petersburg ', '1 000', dotted(ago(5)), 'line\nbreak'],
    ['D5', '', '', '', '', '<img src=x onerror=alert(1)>'],
    ['D6', 'Lost', 'Cluj', -3.5, ago(400), 'vip?'],
    ['D7', 'VIP', 'Iași', '500.00', '2025-02-30', '😀 emoji'],
    ['', 'Hot', 'St. Petersburg', 900, ago(1), 'blank ID: not a client'],
  ];
}

/** Purchases of the sample clients: [Client ID, Date, Amount, Product]. */
export function samplePurchases(today: Date): unknown[][] {
  const ago = (days: number) => new Date(today.getTime() - days * DAY);
  return [
    ['D1', ago(3), 400, 'A'],
    ['D1', ago(29), '150,5', 'B'],
    ['D2', ago(31), 700, 'C'],
    ['D3', ago(0), '20', 'D'],
    ['d4', ago(10), 600, 'E'],
    ['D6', ago(200), 'free', 'F'],
    ['D7', '', 900, 'G'],
  ];
}

/** Rules over SAMPLE_HEADER covering text, numbers, dates, periods and the purchase measures. */
export const SAMPLE_RULES: readonly string[] = [
  'Stage = "Hot"',
  'City in ("St. Petersburg", "Санкт-Петербург")',
  'Amount > 499',
  'Amount >= 12.5 and Amount < 100',
  '"Last contact" within last 30 days',
  '"Last contact" more than 90 days ago or "Last contact" is empty',
  'Notes contains "vip"',
  'Notes starts with "="',
  'Stage != "Lost"',
  '"Spent 30d" > 500',
  'Last purchase within last 30 days',
  'Purchases >= 2',
  'Spent > 600',
];
