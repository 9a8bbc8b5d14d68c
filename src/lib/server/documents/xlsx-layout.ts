/** What ties an exported workbook to Styrkedjan, so an edited copy can be read back. */
export const XLSX_FORMAT = 'styrkedjan.xlsx/1';
export const XLSX_META_SHEET = 'styrkedjan';
export const XLSX_ITEMS_SHEET = { sv: 'Punkter', en: 'Items' } as const;
export const XLSX_INDICATORS_SHEET = { sv: 'Indikatorer', en: 'Indicators' } as const;
