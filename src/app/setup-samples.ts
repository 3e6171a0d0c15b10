/** The template a new base starts with, so Mail merge has something to preview. Rows of the Templates tab. */
export const SAMPLE_TEMPLATES: string[][] = [
  [
    'Welcome',
    'Hello {{First name|there}}, thank you for choosing us',
    'Dear {{First name|customer}},\n\nThank you for your interest. {{Manager|Your manager}} will be in touch soon.\n\nBest regards',
  ],
];
