/** The formats of an issued report made by a background job and kept (the web page is made at once). */
export const PREPARED_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type PreparedFormat = (typeof PREPARED_FORMATS)[number];
