/** Names and headers of the tabs the add-on manages (design.md section 3). */
export const TAB = {
  clients: 'Clients',
  fields: 'Fields',
  interactions: 'Interactions',
  purchases: 'Purchases',
  segments: 'Segments',
  templates: 'Templates',
  mailings: 'Mailings',
  duplicates: 'Duplicates',
  archive: 'Archive',
  audit: 'Audit',
  settings: 'Settings',
  checks: 'Check data',
  snapshots: 'Snapshots',
  notDuplicates: 'Not duplicates',
  deals: 'Deals',
  companies: 'Companies',
} as const;
export type TabName = (typeof TAB)[keyof typeof TAB];

export const TAB_HEADERS = {
  Fields: ['Name', 'Type', 'Required', 'Options', 'Unique', 'Help', 'Key', 'Default', 'Table'],
  Interactions: ['ID', 'Client ID', 'Date', 'Type', 'Manager', 'Result', 'Next step', 'Next date', 'Done', 'Source'],
  Purchases: ['Client ID', 'Date', 'Amount', 'Product'],
  Segments: ['Name', 'Rule', 'Description', 'Count', 'Refreshed', 'Columns'],
  Templates: ['Name', 'Subject', 'Body'],
  Mailings: ['Campaign', 'Client ID', 'Email', 'Status', 'Time', 'Detail'],
  Duplicates: ['Group', 'Client ID', 'Name', 'Email', 'Phone', 'Score', 'Why', 'Decision', 'Survivor'],
  Archive: ['Merge ID', 'Time', 'User', 'Survivor ID', 'Client ID', 'Row'],
  Audit: ['Time', 'User', 'Action', 'Client ID', 'Field', 'Old value', 'New value', 'Source'],
  Settings: ['Key', 'Value', 'Description'],
  'Check data': ['Row', 'Column', 'Value', 'Problem', 'Suggested fix', 'Client ID'],
  'Not duplicates': ['Client ID', 'Other client ID', 'User', 'Time'],
  Deals: ['ID', 'Client ID', 'Company', 'Company ID', 'Number', 'Date', 'Amount', 'Currency', 'Status', 'Appendices', 'Manager', 'Created', 'Updated'],
  Snapshots: ['Snapshot ID', 'Time', 'User', 'Reason', 'Tab', 'Part', 'Parts', 'Data'],
} as const;
