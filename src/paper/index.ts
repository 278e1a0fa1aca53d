/** Paper surveys: printable forms with a machine-readable layout (and, beside them, the entry of returned forms). */
export { formsService, MAX_COPIES, type FormsService, type FormRequest, type IssueOutcome, type PrintPage } from './forms/forms.service.ts';
export { formsRoutes } from './forms/forms.routes.ts';
export { designForm, styleFor } from './forms/layout.ts';
export { layoutIdOf, parseLayoutId, LAYOUT_VERSION, PAGE, type AnswerBox, type FormDesign, type FormLayout, type TextArea, type Rect } from './forms/design.ts';
export { encodePage, decodePage, isSerial, printedSerial, type SheetPage } from './forms/payload.ts';
export { paperEntryService, paperEntryRoutes, readTyped, readForm, compareEntries, DECLINED_KEY, type PaperEntryService, type EntryValues, type Difference } from './entry/index.ts';
export { readScanFile, decodeScan, locatePage, readPage, sniff, LIMITS as SCAN_LIMITS, type FileOutcome, type PageOutcome, type ReadPage, type PageReading, type QuestionReading, type BoxReading } from './scan/index.ts';
